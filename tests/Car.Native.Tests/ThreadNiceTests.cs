namespace Car.Native.Tests;

/// <summary>Thread priorities as recognition uses them: set on the pass's thread, inherited by the threads it starts.</summary>
public sealed class ThreadNiceTests
{
    [Fact]
    public void TrySet_LowerPriority_TheThreadAndThreadsItStartsRunAtIt()
    {
        var (set, own, started) = (false, 0, 0);
        var pass = new Thread(() =>
        {
            set = ThreadNice.TrySet(7, out _);
            own = ThreadNice.Current();
            var worker = new Thread(() => started = ThreadNice.Current());
            worker.Start();
            worker.Join();
        });

        pass.Start();
        pass.Join();

        Assert.True(set);
        Assert.Equal(7, own);
        Assert.Equal(7, started);
    }

    [Fact]
    public void Refusal_ValueAnyThreadMayTake_IsNullAndTheCallerKeepsItsPriority()
    {
        var before = ThreadNice.Current();

        var refusal = ThreadNice.Refusal(before + 3);

        Assert.Null(refusal);
        Assert.Equal(before, ThreadNice.Current());
    }
}
