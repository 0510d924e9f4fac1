using Car.ModelWriting;

namespace Car.Bench;

/// <summary>
/// The speech benchmarks' Whisper: the base shape with random weights, every lexicon character in its vocabulary. By
/// default Q8_0, the file a bundle should carry, made from the F16 one by <c>car models quantize</c>'s quantizer.
/// </summary>
internal static class BenchWhisperModel
{
    /// <summary>Writes it as <paramref name="weights"/> to whisper-base.bin in <paramref name="directory"/>; returns the path.</summary>
    public static async Task<string> WriteBaseAsync(string directory, WhisperWeightType weights = WhisperWeightType.Q8_0)
    {
        var path = Path.Combine(directory, "whisper-base.bin");
        var published = weights == WhisperWeightType.F16 ? path : Path.Combine(directory, "whisper-base-f16.bin");
        var lexicon = await File.ReadAllTextAsync(Path.Combine(Paths.NluModels, "lexicon.json"));
        await RandomWhisperWriter.WriteAsync(WhisperShape.Base, lexicon, published);
        if (weights != WhisperWeightType.F16)
        {
            await WhisperQuantizer.QuantizeAsync(published, path, weights);
            File.Delete(published);
        }

        return path;
    }
}
