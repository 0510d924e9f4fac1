using Car.Testing;

namespace Car.Llama.Tests;

/// <summary>The nice value decoding runs at, as <c>top</c> shows it: the pool's threads and the evaluating thread, only while it evaluates.</summary>
public sealed class LlamaContextPriorityTests
{
    [Fact]
    public async Task Evaluate_NiceSet_PoolAndEvaluatingThreadRunAtItAndTheCallerGetsItsOwnBack()
    {
        using var weights = LlamaWeights.LoadFromFile(TinyModel.Path);
        var tokens = weights.Tokenize(string.Concat(Enumerable.Repeat("打开车窗，空调调到二十二度。", 40)), addSpecial: true, parseSpecial: false)[..480];
        using var context = weights.CreateContext(512, 2, poll: 0, nice: 7);
        var pool = await ThreadsAtNice.SteadyCountAsync(7);

        // Evaluates until the sampler has seen the evaluating thread beside the pool (at most 30 rounds): on a loaded
        // machine a sample every millisecond or so may miss one short evaluation.
        var most = 0;
        var evaluating = Task.Factory.StartNew(
            () =>
            {
                for (var round = 0; round < 30 && Volatile.Read(ref most) <= pool; round++)
                {
                    context.Evaluate(tokens, 0, CancellationToken.None);
                    context.RemoveFrom(0);
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!evaluating.IsCompleted)
        {
            Volatile.Write(ref most, Math.Max(most, ThreadsAtNice.Count(7)));
            await Task.Delay(1);
        }

        await evaluating;
        var after = ThreadsAtNice.Count(7);

        Assert.Null(context.NiceRefused);
        Assert.True(pool >= 1, $"{pool} pool threads at nice 7");
        Assert.Equal(pool + 1, most);
        Assert.Equal(pool, after);
    }
}
