using System.Runtime.InteropServices;

namespace Car.Native.Tests;

/// <summary>The one resolver: a library that is not where it should be fails with every path it tried.</summary>
public sealed partial class NativeEnginesTests
{
    [Fact]
    public void Resolve_WhisperNotBuilt_ListsEveryPathTried()
    {
        var empty = Directory.CreateTempSubdirectory("car-no-whisper-").FullName;
        Environment.SetEnvironmentVariable("CAR_WHISPER_DIR", empty);
        try
        {
            NativeEngines.EnsureResolver(typeof(NativeEnginesTests).Assembly);

            var error = Assert.Throws<DllNotFoundException>(() => WhisperTokenEot(IntPtr.Zero));

            Assert.Contains(Path.Combine(empty, "libwhisper.so.1"), error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(AppContext.BaseDirectory, "libwhisper.so.1"), error.Message, StringComparison.Ordinal);
            Assert.False(NativeEngines.WhisperIsPresent);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAR_WHISPER_DIR", null);
            Directory.Delete(empty);
        }
    }

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_token_eot")]
    private static partial int WhisperTokenEot(IntPtr context);
}
