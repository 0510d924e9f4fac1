using System.Text;

namespace Car.ModelWriting;

/// <summary>
/// Writes a whisper.cpp model file (ggml "lmgg" format) with random weights: hyperparameters, a mel filterbank, a
/// vocabulary of the multilingual size (bytes, the given characters, filler; the special tokens are placed by
/// whisper.cpp itself), then every tensor of the encoder and decoder: the matrices in F16 or a ggml quantisation
/// (<see cref="WhisperWeightType"/>), the convolutions in F16, biases and norms in F32. whisper.cpp loads and runs it
/// like a trained file; what it transcribes is meaningless.
/// </summary>
public static class RandomWhisperWriter
{
    private const int FileTokens = 50_257;
    private const int F32 = GgmlBlocks.F32;
    private const int F16 = GgmlBlocks.F16;

    /// <summary>A matrix: stored as the chosen <see cref="WhisperWeightType"/>.</summary>
    private const int Matrix = -1;

    public static Task WriteAsync(WhisperShape shape, string characters, string path, CancellationToken cancellationToken = default) =>
        WriteAsync(shape, WhisperWeightType.F16, characters, path, cancellationToken);

    public static async Task WriteAsync(WhisperShape shape, WhisperWeightType weights, string characters, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var matrixType = GgmlBlocks.TypeOf(weights);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        await using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
        writer.Write(WhisperFileReader.Magic);
        foreach (var value in new[]
        {
            WhisperShape.Vocab, WhisperShape.AudioContext, shape.AudioState, shape.AudioHeads, shape.AudioLayers,
            WhisperShape.TextContext, shape.TextState, shape.TextHeads, shape.TextLayers, WhisperShape.Mels, GgmlBlocks.FileTypeOf(weights),
        })
        {
            writer.Write(value);
        }

        WriteMelFilters(writer);
        WriteVocabulary(writer, characters);
        var random = new Random(42);
        foreach (var (name, dims, declared, scale) in Tensors(shape))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = declared == Matrix ? matrixType : declared;
            var bytes = Encoding.UTF8.GetBytes(name);
            writer.Write(dims.Length);
            writer.Write(bytes.Length);
            writer.Write(type);
            foreach (var dimension in dims)
            {
                writer.Write(dimension);
            }

            writer.Write(bytes);
            var count = dims.Aggregate(1L, (a, b) => a * b);
            var offset = name.EndsWith("ln.weight", StringComparison.Ordinal) || name.Contains("_ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal) ? 1f : 0f;
            if (type is not (F16 or F32))
            {
                GgmlBlocks.Write(writer, type, count, () => (float)(((random.NextDouble() * 2) - 1) * scale));
                continue;
            }

            for (long i = 0; i < count; i++)
            {
                var value = (float)(((random.NextDouble() * 2) - 1) * scale) + offset;
                if (type == F16)
                {
                    writer.Write((Half)value);
                }
                else
                {
                    writer.Write(value);
                }
            }
        }
    }

    /// <summary>Triangular mel filters over the 201 bins of a 400-point FFT at 16 kHz (Slaney-style area normalisation).</summary>
    private static void WriteMelFilters(BinaryWriter writer)
    {
        const int bins = 201;
        writer.Write(WhisperShape.Mels);
        writer.Write(bins);
        static double Mel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        var points = Enumerable.Range(0, WhisperShape.Mels + 2).Select(i => Hz(Mel(8000) * i / (WhisperShape.Mels + 1))).ToArray();
        for (var m = 0; m < WhisperShape.Mels; m++)
        {
            var (left, center, right) = (points[m], points[m + 1], points[m + 2]);
            for (var b = 0; b < bins; b++)
            {
                var hz = b * 8000.0 / (bins - 1);
                var weight = hz <= left || hz >= right ? 0 : hz <= center ? (hz - left) / (center - left) : (right - hz) / (right - center);
                writer.Write((float)(weight * 2 / (right - left)));
            }
        }
    }

    private static void WriteVocabulary(BinaryWriter writer, string characters)
    {
        var tokens = new List<byte[]>();
        for (var b = 0; b < 256; b++)
        {
            tokens.Add([(byte)b]);
        }

        foreach (var character in characters.EnumerateRunes().Select(r => r.ToString()).Distinct())
        {
            var bytes = Encoding.UTF8.GetBytes(character);
            if (bytes.Length > 1 && tokens.Count < FileTokens)
            {
                tokens.Add(bytes);
            }
        }

        while (tokens.Count < FileTokens)
        {
            tokens.Add(Encoding.ASCII.GetBytes($"<unused_{tokens.Count}>"));
        }

        writer.Write(tokens.Count);
        foreach (var token in tokens)
        {
            writer.Write(token.Length);
            writer.Write(token);
        }
    }

    private static IEnumerable<(string Name, int[] Dims, int Type, double Scale)> Tensors(WhisperShape s)
    {
        var audio = s.AudioState;
        var text = s.TextState;
        yield return ("encoder.positional_embedding", [audio, WhisperShape.AudioContext], F32, 0.1);
        yield return ("encoder.conv1.weight", [3, WhisperShape.Mels, audio], F16, 0.1);
        yield return ("encoder.conv1.bias", [1, audio], F32, 0.01);
        yield return ("encoder.conv2.weight", [3, audio, audio], F16, 1 / Math.Sqrt(3 * audio));
        yield return ("encoder.conv2.bias", [1, audio], F32, 0.01);
        yield return ("encoder.ln_post.weight", [audio], F32, 0.05);
        yield return ("encoder.ln_post.bias", [audio], F32, 0.01);
        for (var i = 0; i < s.AudioLayers; i++)
        {
            foreach (var tensor in Block($"encoder.blocks.{i}", audio, cross: false))
            {
                yield return tensor;
            }
        }

        yield return ("decoder.positional_embedding", [text, WhisperShape.TextContext], F32, 0.1);
        yield return ("decoder.token_embedding.weight", [text, WhisperShape.Vocab], Matrix, 0.1);
        yield return ("decoder.ln.weight", [text], F32, 0.05);
        yield return ("decoder.ln.bias", [text], F32, 0.01);
        for (var i = 0; i < s.TextLayers; i++)
        {
            foreach (var tensor in Block($"decoder.blocks.{i}", text, cross: true))
            {
                yield return tensor;
            }
        }
    }

    private static IEnumerable<(string, int[], int, double)> Block(string prefix, int state, bool cross)
    {
        var projection = 1 / Math.Sqrt(state);
        foreach (var attention in cross ? new[] { "attn", "cross_attn" } : ["attn"])
        {
            yield return ($"{prefix}.{attention}_ln.weight", [state], F32, 0.05);
            yield return ($"{prefix}.{attention}_ln.bias", [state], F32, 0.01);
            yield return ($"{prefix}.{attention}.query.weight", [state, state], Matrix, projection);
            yield return ($"{prefix}.{attention}.query.bias", [state], F32, 0.01);
            yield return ($"{prefix}.{attention}.key.weight", [state, state], Matrix, projection);
            yield return ($"{prefix}.{attention}.value.weight", [state, state], Matrix, projection);
            yield return ($"{prefix}.{attention}.value.bias", [state], F32, 0.01);
            yield return ($"{prefix}.{attention}.out.weight", [state, state], Matrix, projection);
            yield return ($"{prefix}.{attention}.out.bias", [state], F32, 0.01);
        }

        yield return ($"{prefix}.mlp_ln.weight", [state], F32, 0.05);
        yield return ($"{prefix}.mlp_ln.bias", [state], F32, 0.01);
        yield return ($"{prefix}.mlp.0.weight", [state, 4 * state], Matrix, projection);
        yield return ($"{prefix}.mlp.0.bias", [4 * state], F32, 0.01);
        yield return ($"{prefix}.mlp.2.weight", [4 * state, state], Matrix, 1 / Math.Sqrt(4 * state));
        yield return ($"{prefix}.mlp.2.bias", [state], F32, 0.01);
    }
}
