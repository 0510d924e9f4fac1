using Car.Testing;

namespace Car.Llama.Tests;

/// <summary>Disposing a context or executor while a decode runs on another thread: no crash, the decode stops.</summary>
public sealed class LlamaContextDisposeTests
{
    [Fact]
    public async Task Dispose_WhileEvaluating_DecodeEndsDisposedOrCancelledAndNothingCrashes()
    {
        using var weights = LlamaWeights.LoadFromFile(TinyModel.Path);
        var tokens = weights.Tokenize(string.Concat(Enumerable.Repeat("打开车窗，空调调到二十二度。", 40)), addSpecial: true, parseSpecial: false)[..480];
        // A caller that can cancel (as the warm-up can) makes ggml call the abort callback while it decodes.
        using var caller = new CancellationTokenSource();
        for (var round = 0; round < 12; round++)
        {
            var context = weights.CreateContext(512, 2);
            using var started = new ManualResetEventSlim();
            var decoding = Task.Factory.StartNew(
                () =>
                {
                    while (true)
                    {
                        started.Set();
                        context.Evaluate(tokens, 0, caller.Token);
                        context.RemoveFrom(0); // evaluated whole before Dispose came: again, from the start
                    }
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            started.Wait(TimeSpan.FromSeconds(10));
            Thread.Sleep(round % 4);

            context.Dispose();
            var ended = await Record.ExceptionAsync(() => decoding.WaitAsync(TimeSpan.FromSeconds(10)));

            Assert.True(ended is ObjectDisposedException or OperationCanceledException, $"round {round}: {ended}");
        }
    }

    [Fact]
    public void Evaluate_OnAThreadpoolThatSleepsWhenIdle_EvaluatesAndDisposes()
    {
        using var weights = LlamaWeights.LoadFromFile(TinyModel.Path);
        var tokens = weights.Tokenize("打开车窗，空调调到二十二度。", addSpecial: true, parseSpecial: false);

        using (var context = weights.CreateContext(512, 2, poll: 0))
        {
            context.Evaluate(tokens, 0, CancellationToken.None);
            context.Evaluate(tokens, tokens.Length, CancellationToken.None);

            Assert.Equal(0, context.Poll);
        }
    }

    [Fact]
    public void Evaluate_AfterDispose_ThrowsObjectDisposed()
    {
        using var weights = LlamaWeights.LoadFromFile(TinyModel.Path);
        var context = weights.CreateContext(256, 1);
        context.Dispose();

        Assert.Throws<ObjectDisposedException>(() => context.Evaluate([1, 2, 3], 0, CancellationToken.None));
        Assert.Throws<ObjectDisposedException>(() => context.RemoveFrom(0));
        context.Dispose();
    }

    [Fact]
    public async Task ParserDispose_DuringWarmUp_WarmUpStopsAndLaterCallsAreRefused()
    {
        for (var round = 0; round < 5; round++)
        {
            var parser = TinyModel.CreateParser();
            var warmUp = parser.PrepareAsync();
            Thread.Sleep(round);

            parser.Dispose();
            var ended = await Record.ExceptionAsync(() => warmUp.WaitAsync(TimeSpan.FromSeconds(10)));

            Assert.True(ended is null or ObjectDisposedException or OperationCanceledException, $"round {round}: {ended}");
            await Assert.ThrowsAsync<ObjectDisposedException>(() => parser.CompleteAsync("打开车窗"));
        }
    }
}
