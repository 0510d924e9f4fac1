using Car.Speech.Whisper;
using Car.Testing;

namespace Car.Speech.Tests.Whisper;

/// <summary>Disposing the processor or the model while whisper.cpp transcribes: the transcription stops, nothing crashes.</summary>
public sealed class WhisperDisposeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dispose_WhileTranscribing_EndsDisposedOrCancelledAndLaterCallsAreRefused(bool disposeFactory)
    {
        var audio = TestAudio.Tone(300, 16_000, 3.0);
        for (var round = 0; round < 3; round++)
        {
            var whisper = WhisperFactory.FromPath(TestWhisperModel.Path);
            var processor = whisper.CreateBuilder().WithMaxTokens(64).Build();
            var transcribing = processor.ProcessAsync(audio);
            Thread.Sleep(5 + (round * 20));

            if (disposeFactory)
            {
                whisper.Dispose();
            }
            else
            {
                processor.Dispose();
            }

            var ended = await Record.ExceptionAsync(() => transcribing.WaitAsync(TimeSpan.FromSeconds(10)));

            Assert.True(ended is null or ObjectDisposedException or OperationCanceledException, $"round {round}: {ended}");
            await Assert.ThrowsAsync<ObjectDisposedException>(() => processor.ProcessAsync(audio));
            processor.Dispose();
            whisper.Dispose();
        }
    }
}
