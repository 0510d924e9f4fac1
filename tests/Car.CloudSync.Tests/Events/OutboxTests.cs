using Car.CloudSync.Connection;
using Car.CloudSync.Events;

namespace Car.CloudSync.Tests.Events;

public sealed class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8));

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Add_SameKeyTwice_KeepsOneEvent()
    {
        using var outbox = new Outbox(Options());

        Assert.True(outbox.Add("k1", Noon, [1]));
        Assert.False(outbox.Add("k1", Noon, [2]));

        Assert.Equal(1, outbox.Measure().Count);
        Assert.Equal([1], outbox.Peek(10).Single().Payload);
    }

    [Fact]
    public void Peek_ReturnsTheOldestFirst_AndRemoveForgetsExactlyThoseKeys()
    {
        using var outbox = new Outbox(Options());
        for (var i = 0; i < 5; i++)
        {
            outbox.Add($"k{i}", Noon.AddMinutes(i), [(byte)i]);
        }

        Assert.Equal(["k0", "k1", "k2"], outbox.Peek(3).Select(e => e.IdempotencyKey));
        Assert.Equal(2, outbox.Remove(["k0", "k2", "unknown"]));
        Assert.Equal(["k1", "k3", "k4"], outbox.Peek(10).Select(e => e.IdempotencyKey));
        Assert.Equal(Noon.AddMinutes(1), outbox.Measure().Oldest);
    }

    [Fact]
    public void Open_AfterDispose_ResumesWithTheQueuedEvents()
    {
        using (var outbox = new Outbox(Options()))
        {
            outbox.Add("a", Noon, [1]);
            outbox.Add("b", Noon, [2]);
        }

        using var reopened = new Outbox(Options());

        Assert.Equal(["a", "b"], reopened.Peek(10).Select(e => e.IdempotencyKey));
    }

    [Fact]
    public async Task WaitForEvents_WakesWhenAnEventIsAdded()
    {
        using var outbox = new Outbox(Options());
        var waiting = outbox.WaitForEventsAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        outbox.Add("k", Noon, [1]);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private CloudOptions Options() => new() { DataDirectory = _directory.Path };
}
