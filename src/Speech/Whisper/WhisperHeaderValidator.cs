using Car.Native;

namespace Car.Speech.Whisper;

/// <summary>
/// Reads a whisper.cpp (ggml) model's header in managed code before whisper.cpp sees it: the eleven hyperparameters
/// must lie in ranges real Whisper models use, and the mel filters and vocabulary that follow must fit in the file,
/// so a crafted or damaged file gives a <see cref="WhisperException"/> instead of a native allocation failure or abort.
/// </summary>
internal sealed class WhisperHeaderValidator
{
    /// <summary>The ggml magic, "ggml" read as a little-endian uint32.</summary>
    public const uint GgmlMagic = 0x67676d6c;

    // Real models: 51 864–51 866 tokens, 1 500 audio / 448 text positions, width up to 1 280, 20 heads, 32 layers.
    private const int MaxVocab = 100_000;
    private const int MaxContext = 4_096;
    private const int MaxState = 8_192;
    private const int MaxHeads = 64;
    private const int MaxLayers = 64;
    private const int MaxFftBins = 1_024;

    // whisper.cpp's ftype is the ggml type plus 1 000 × the quantisation version.
    private const int QuantizationVersionFactor = 1_000;
    private const int MaxQuantizationVersion = 2;
    private const int MaxGgmlType = 63;

    private readonly BoundedBinaryReader _reader;
    private readonly string _path;

    private WhisperHeaderValidator(Stream stream, string path)
    {
        _path = path;
        _reader = new BoundedBinaryReader(stream, what => Unusable($"the file is truncated in its {what}"));
    }

    /// <summary>Checks the model at <paramref name="path"/>; throws <see cref="WhisperException"/> naming what is wrong.</summary>
    public static void Validate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Validate(stream, path);
    }

    /// <summary>Checks a model read from <paramref name="stream"/> (seekable, its length the file's); <paramref name="name"/> appears in errors.</summary>
    public static void Validate(Stream stream, string name)
    {
        new WhisperHeaderValidator(stream, name).Walk();
    }

    private void Walk()
    {
        if (_reader.Remaining < 4 || _reader.ReadUInt32("magic") != GgmlMagic)
        {
            throw new WhisperException($"'{_path}' is not a whisper.cpp (ggml) model file.");
        }

        _ = ReadInt32("n_vocab", 1, MaxVocab);
        _ = ReadInt32("n_audio_ctx", 1, MaxContext);
        var audioState = ReadInt32("n_audio_state", 1, MaxState);
        var audioHeads = ReadInt32("n_audio_head", 1, MaxHeads);
        _ = ReadInt32("n_audio_layer", 1, MaxLayers);
        _ = ReadInt32("n_text_ctx", 1, MaxContext);
        var textState = ReadInt32("n_text_state", 1, MaxState);
        var textHeads = ReadInt32("n_text_head", 1, MaxHeads);
        _ = ReadInt32("n_text_layer", 1, MaxLayers);
        var mels = ReadInt32("n_mels", 80, 128);
        if (mels is not (80 or 128))
        {
            throw Unusable($"n_mels {mels} (80 or 128 are supported)");
        }

        var ftype = ReadInt32("ftype", 0, (MaxQuantizationVersion * QuantizationVersionFactor) + MaxGgmlType);
        if (ftype % QuantizationVersionFactor > MaxGgmlType)
        {
            throw Unusable($"ftype {ftype} (not a ggml type)");
        }

        if (audioState % audioHeads != 0 || textState % textHeads != 0)
        {
            throw Unusable($"a width ({audioState}, {textState}) that its heads ({audioHeads}, {textHeads}) do not divide");
        }

        var filterMels = ReadInt32("mel filter count", mels, mels);
        var bins = ReadInt32("mel filter bins", 1, MaxFftBins);
        _reader.Skip((long)filterMels * bins * sizeof(float), "mel filters");

        var words = ReadInt32("vocabulary size", 0, MaxVocab);
        for (var i = 0; i < words; i++)
        {
            var length = _reader.ReadUInt32("vocabulary");
            _reader.Skip(length, "vocabulary");
        }
    }

    private int ReadInt32(string name, int min, int max)
    {
        var value = _reader.ReadInt32(name);
        if (value < min || value > max)
        {
            throw Unusable(min == max ? $"{name} {value} ({min} expected)" : $"{name} {value} ({min}–{max} are supported)");
        }

        return value;
    }

    private WhisperException Unusable(string reason) => new($"'{_path}' is not a usable Whisper model: {reason}.");
}
