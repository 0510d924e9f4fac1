namespace Car.Assistant.Tests.Cli;

/// <summary>Missing sound devices and models end with one line and the right exit code, never ALSA's dump.</summary>
public sealed class SpeechEdgeTests
{
    private const string MissingDevice = "car_test_no_such_device";

    [Fact]
    public async Task Listen_MissingCaptureDevice_OneLineExit3()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "listen", "--device", MissingDevice, "--seconds", "5");

        Assert.Equal(3, exitCode);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"car: cannot record from the sound device '{MissingDevice}' (arecord): ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("ALSA lib", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speak_MissingPlaybackDevice_OneLineExit3()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync([], "speak", "你好", "--set", $"SpeechOutput:Device={MissingDevice}");

        Assert.Equal(3, exitCode);
        Assert.Empty(output);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"car: cannot play to the sound device '{MissingDevice}' (aplay): ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoiceSession_MissingAsrModel_OneLineExit2()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "--listen", "--asr-model", "/nonexistent/whisper.bin");

        Assert.Equal(2, exitCode);
        Assert.Equal("car: The ASR model '/nonexistent/whisper.bin' does not exist.", errors.Trim());
    }
}
