using Car.Speech.Audio;
using Car.Speech.Capture;
using Car.Speech.Output;
using Car.Testing;
using Microsoft.Extensions.Options;

namespace Car.Speech.Tests.Capture;

/// <summary>
/// Live capture for real through ALSA (arecord, installed by .ci/run): a file PCM defined by the test plays
/// espeak-ng speech as if a microphone heard it. ALSA finds the test's .asoundrc through HOME, which one test
/// changes for the whole process: the class runs alone.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class AlsaCaptureTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("car-alsa-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task CaptureAsync_FilePcm_YieldsTheRecordedSamples()
    {
        var device = await AlsaFilePcm.ConfigureAsync(_home, TestAudio.Tone(440, 16_000, 0.5));
        var previous = Environment.GetEnvironmentVariable("HOME");
        Environment.SetEnvironmentVariable("HOME", _home);
        var samples = new List<float>();
        try
        {
            var capture = new AlsaCapture(Options.Create(new CaptureOptions { Device = device }));
            await foreach (var chunk in capture.CaptureAsync())
            {
                samples.AddRange(chunk);
                if (samples.Count >= 8000)
                {
                    break;
                }
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", previous);
        }

        Assert.True(samples.Count >= 8000);
        Assert.InRange(TestAudio.Frequency([.. samples.Take(8000)], 16_000), 435, 445);
    }

    [Fact]
    public async Task CaptureAsync_UnknownDevice_ClearError()
    {
        var capture = new AlsaCapture(Options.Create(new CaptureOptions { Device = "car-no-such-device" }));

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in capture.CaptureAsync())
            {
            }
        });

        Assert.Contains("car-no-such-device", error.Message, StringComparison.Ordinal);
    }
}
