using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Car.VehicleBus.Tests.Can.Transport;

public class CandumpReplayTransportTests
{
    private const string Log = """
        (1700000000.000000) vcan0 310#1932006419649C00
        (1700000000.500000) vcan1 320#2C2D2712BC53A000
        (1700000001.000000) vcan0 123##1DEAD
        (1700000002.000000) vcan0 311#02FD
        """;

    [Fact]
    public async Task ReceiveAsync_AsFastAsPossible_YieldsDataFramesAndCountsTheRest()
    {
        await using var replay = new CandumpReplayTransport(() => new StringReader(Log), "test.log");

        var frames = await replay.ReceiveAsync().ToListAsync();

        Assert.Equal(["310#1932006419649C00", "320#2C2D2712BC53A000", "311#02FD"], frames.Select(f => f.ToString()));
        Assert.Equal(1, replay.SkippedLines);
    }

    [Fact]
    public async Task ReceiveAsync_OneInterface_PassesOverTheOthers()
    {
        await using var replay = new CandumpReplayTransport(() => new StringReader(Log), "test.log", new CandumpReplayOptions { Interface = "vcan1" });

        var frames = await replay.ReceiveAsync().ToListAsync();

        Assert.Equal([0x320u], frames.Select(f => f.Id));
    }

    [Fact]
    public async Task ReceiveAsync_AtRecordedSpeed_WaitsForEachFramesTime()
    {
        var time = new FakeTimeProvider();
        await using var replay = new CandumpReplayTransport(() => new StringReader(Log), "test.log", new CandumpReplayOptions { Speed = 1 }, time);
        await using var frames = replay.ReceiveAsync().GetAsyncEnumerator();

        Assert.True(await frames.MoveNextAsync());
        var second = frames.MoveNextAsync().AsTask();
        time.Advance(TimeSpan.FromMilliseconds(400));
        await Task.Delay(20);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await second);
        Assert.Equal(0x320u, frames.Current.Id);
    }

    [Fact]
    public async Task Recording_ThenReplaying_GivesTheSameFrames()
    {
        var bus = new LoopbackCanBus();
        var ecu = bus.CreateEndpoint("ecu");
        var log = new StringWriter();
        CanFrame[] sent = [CanFrame.FromBytes(0x310, [1, 2, 3]), CanFrame.FromBytes(0x18FF1234, [4], isExtended: true)];
        await using (var recorder = new RecordingCanTransport(bus.CreateEndpoint("vcan0"), log, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000))))
        {
            var received = recorder.ReceiveAsync().Take(2).ToListAsync();
            foreach (var frame in sent)
            {
                await ecu.SendAsync(frame);
            }

            await received;
            await recorder.SendAsync(CanFrame.FromBytes(0x210, [9]));
        }

        await using var replay = new CandumpReplayTransport(() => new StringReader(log.ToString()), "recorded");
        var replayed = await replay.ReceiveAsync().ToListAsync();

        Assert.Equal([.. sent, CanFrame.FromBytes(0x210, [9])], replayed);
        Assert.StartsWith("(1700000000.000000) vcan0 310#010203", log.ToString(), StringComparison.Ordinal);
    }
}
