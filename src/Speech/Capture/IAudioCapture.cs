namespace Car.Speech.Capture;

/// <summary>A live stream of 16 kHz mono audio in small chunks, until cancelled or the source ends.</summary>
public interface IAudioCapture
{
    IAsyncEnumerable<float[]> CaptureAsync(CancellationToken cancellationToken = default);
}
