using Car.ModelWriting;

namespace Car.Bench;

/// <summary>
/// The speech benchmarks' Whisper: the base shape with random weights, every lexicon character in its vocabulary. By
/// default Q8_0, the file a bundle should carry, in the block layout <c>car models quantize</c> writes.
/// </summary>
internal static class BenchWhisperModel
{
    /// <summary>Writes it as <paramref name="weights"/> to whisper-base.bin in <paramref name="directory"/>; returns the path.</summary>
    public static async Task<string> WriteBaseAsync(string directory, WhisperWeightType weights = WhisperWeightType.Q8_0)
    {
        var path = Path.Combine(directory, "whisper-base.bin");
        var lexicon = await File.ReadAllTextAsync(Path.Combine(Paths.NluModels, "lexicon.json"));
        await RandomWhisperWriter.WriteAsync(WhisperShape.Base, weights, lexicon, path);
        return path;
    }
}
