namespace Car.Native.Tests;

public sealed class NativeWorkGateTests
{
    [Fact]
    public async Task Close_WhileACallRuns_AbortsItAndWaitsUntilItLeaves()
    {
        var gate = new NativeWorkGate("engine");
        using var abort = new NativeAbortFlag();
        var pass = gate.Enter(abort);
        var leftAt = DateTime.MaxValue;
        var call = Task.Run(async () =>
        {
            while (!abort.IsSet)
            {
                await Task.Delay(5);
            }

            await Task.Delay(100);
            leftAt = DateTime.UtcNow;
            pass.Dispose();
        });

        var closed = gate.Close(TimeSpan.FromSeconds(10));
        var closedAt = DateTime.UtcNow;
        await call;

        Assert.True(closed);
        Assert.True(closedAt >= leftAt, "Close returned before the call left the gate");
        Assert.Throws<ObjectDisposedException>(() => gate.Enter(abort));
    }

    [Fact]
    public void Close_CallNeverLeaves_GivesUpAfterTheWaitAndSaysSo()
    {
        var gate = new NativeWorkGate("engine");
        using var abort = new NativeAbortFlag();
        using var pass = gate.Enter(abort);

        Assert.False(gate.Close(TimeSpan.FromMilliseconds(50)));
        Assert.True(abort.IsSet);
    }
}
