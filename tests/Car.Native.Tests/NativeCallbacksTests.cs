using System.Text;

namespace Car.Native.Tests;

/// <summary>The callbacks ggml calls, called here through the same function pointers.</summary>
public sealed unsafe class NativeCallbacksTests
{
    [Fact]
    public void AbortFlag_SetThenCleared_CallbackAnswersOneThenZero()
    {
        using var flag = new NativeAbortFlag();

        flag.Set();
        var whileSet = NativeAbortFlag.Callback(flag.Handle);
        flag.Clear();
        var afterClear = NativeAbortFlag.Callback(flag.Handle);

        Assert.Equal(1, whileSet);
        Assert.Equal(0, afterClear);
    }

    [Fact]
    public void ErrorLog_KeepsErrorsOnly_AndForgetsThemOnceTaken()
    {
        var log = new NativeErrorLog();

        Log(log, 2, "loading tensors");
        Log(log, 4, "unknown model architecture: 'car-alien'");
        var first = log.TakeRecent();
        var second = log.TakeRecent();

        Assert.Equal("unknown model architecture: 'car-alien'", first);
        Assert.Equal(string.Empty, second);
    }

    private static void Log(NativeErrorLog log, int level, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n\0");
        fixed (byte* pointer = bytes)
        {
            NativeErrorLog.Callback(level, pointer, log.Handle);
        }
    }
}
