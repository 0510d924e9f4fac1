using System.Text;
using Car.Native;

namespace Car.ModelWriting;

/// <summary>
/// Reads a whisper.cpp model file (ggml "lmgg" format) without trusting it: the preamble (magic, eleven
/// hyperparameters, mel filters, vocabulary) and then one tensor after another. Every length is checked against what
/// is left of the file, so a damaged or crafted file is an <see cref="InvalidDataException"/> naming the file and what
/// was being read, never an allocation the file asked for.
/// </summary>
internal sealed class WhisperFileReader
{
    public const uint Magic = 0x67676d6c;

    /// <summary>Where the file type sits: after the magic and the first ten hyperparameters.</summary>
    public const int FileTypeOffset = 4 + (10 * sizeof(int));

    private const int Hyperparameters = 11;
    private const int LongestName = 1_024;
    private const int MostDimensions = 4;
    private const int MostMelBins = 1_024;
    private const int MostTokens = 100_000;

    private readonly BoundedBinaryReader _reader;
    private readonly string _path;

    /// <param name="stream">Seekable and readable; stays the caller's to dispose.</param>
    public WhisperFileReader(Stream stream, string path)
    {
        _path = path;
        _reader = new BoundedBinaryReader(stream, what => Invalid($"the file is truncated in {what}"));
    }

    /// <summary>Reads the preamble; afterwards the stream stands at the first tensor.</summary>
    public WhisperFilePreamble ReadPreamble()
    {
        if (_reader.Remaining < sizeof(uint) || _reader.ReadUInt32("magic") != Magic)
        {
            throw Invalid("it is not a whisper.cpp (ggml) model file");
        }

        var header = new int[Hyperparameters];
        for (var i = 0; i < Hyperparameters; i++)
        {
            header[i] = _reader.ReadInt32("hyperparameters");
        }

        var mels = ReadCount("mel filter count", 1, 128);
        var bins = ReadCount("mel filter bins", 1, MostMelBins);
        _reader.Skip((long)mels * bins * sizeof(float), "mel filters");
        var tokens = ReadCount("vocabulary size", 0, MostTokens);
        for (var i = 0; i < tokens; i++)
        {
            _reader.Skip(ReadCount("vocabulary", 0, LongestName), "vocabulary");
        }

        return new WhisperFilePreamble(header[^1], _reader.Position);
    }

    /// <summary>The next tensor's header, the stream left at its data; null at the end of the file.</summary>
    public WhisperTensor? ReadTensorHeader()
    {
        if (_reader.Remaining == 0)
        {
            return null;
        }

        var dimensions = ReadCount("a tensor's dimension count", 1, MostDimensions);
        var nameLength = ReadCount("a tensor's name length", 1, LongestName);
        var type = _reader.ReadInt32("a tensor's type");
        var shape = new int[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            shape[i] = ReadCount("a tensor's shape", 1, int.MaxValue);
        }

        var name = Encoding.UTF8.GetString(_reader.ReadBytes(nameLength, "a tensor's name"));
        var values = 1L;
        foreach (var dimension in shape)
        {
            // Every ggml type this reads stores a value in at least half a byte, so a shape with more values than twice
            // the bytes left is truncated whatever its type (and its product cannot overflow).
            values *= dimension;
            _reader.Need(values / 2, $"tensor '{name}'");
        }

        var tensor = new WhisperTensor(name, shape, type);
        if (GgmlBlocks.BytesOf(type, tensor.Count) is not { } bytes)
        {
            throw Invalid($"tensor '{name}' has ggml type {type}, which this tool does not read");
        }

        _reader.Need(bytes, $"tensor '{name}'");
        return tensor;
    }

    /// <summary>The data of the tensor whose header was read last.</summary>
    public byte[] ReadData(WhisperTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var bytes = GgmlBlocks.BytesOf(tensor.Type, tensor.Count)!.Value;
        return _reader.ReadBytes(checked((int)bytes), $"tensor '{tensor.Name}'");
    }

    private int ReadCount(string what, int least, int most)
    {
        var value = _reader.ReadInt32(what);
        return value >= least && value <= most ? value : throw Invalid($"{what} is {value} ({least}–{most} expected)");
    }

    private InvalidDataException Invalid(string reason) => new($"'{_path}' is not a usable Whisper model: {reason}.");
}
