using System.Buffers.Binary;
using System.Text;

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

    private readonly Stream _stream;
    private readonly byte[] _scratch = new byte[sizeof(int)];
    private readonly string _path;

    /// <param name="stream">Seekable and readable; stays the caller's to dispose.</param>
    public WhisperFileReader(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _path = path;
    }

    /// <summary>Reads the preamble; afterwards the stream stands at the first tensor.</summary>
    public WhisperFilePreamble ReadPreamble()
    {
        if (Remaining < sizeof(uint) || (uint)ReadInt32() != Magic)
        {
            throw Invalid("it is not a whisper.cpp (ggml) model file");
        }

        Need(Hyperparameters * sizeof(int), "hyperparameters");
        var header = new int[Hyperparameters];
        for (var i = 0; i < Hyperparameters; i++)
        {
            header[i] = ReadInt32();
        }

        var mels = ReadCount("mel filter count", 1, 128);
        var bins = ReadCount("mel filter bins", 1, MostMelBins);
        Skip((long)mels * bins * sizeof(float), "mel filters");
        var tokens = ReadCount("vocabulary size", 0, MostTokens);
        for (var i = 0; i < tokens; i++)
        {
            Skip(ReadCount("vocabulary", 0, LongestName), "vocabulary");
        }

        return new WhisperFilePreamble(header[^1], _stream.Position);
    }

    /// <summary>The next tensor's header, the stream left at its data; null at the end of the file.</summary>
    public WhisperTensor? ReadTensorHeader()
    {
        if (Remaining == 0)
        {
            return null;
        }

        var dimensions = ReadCount("a tensor's dimension count", 1, MostDimensions);
        var nameLength = ReadCount("a tensor's name length", 1, LongestName);
        Need(sizeof(int), "a tensor's type");
        var type = ReadInt32();
        var shape = new int[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            shape[i] = ReadCount("a tensor's shape", 1, int.MaxValue);
        }

        Need(nameLength, "a tensor's name");
        var name = Encoding.UTF8.GetString(ReadBytes(nameLength));
        var tensor = new WhisperTensor(name, shape, type);
        if (GgmlBlocks.BytesOf(type, tensor.Count) is not { } bytes)
        {
            throw Invalid($"tensor '{name}' has ggml type {type}, which this tool does not read");
        }

        Need(bytes, $"tensor '{name}'");
        return tensor;
    }

    /// <summary>The data of the tensor whose header was read last.</summary>
    public byte[] ReadData(WhisperTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var bytes = GgmlBlocks.BytesOf(tensor.Type, tensor.Count)!.Value;
        Need(bytes, $"tensor '{tensor.Name}'");
        return ReadBytes(checked((int)bytes));
    }

    private long Remaining => _stream.Length - _stream.Position;

    private int ReadCount(string what, int least, int most)
    {
        Need(sizeof(int), what);
        var value = ReadInt32();
        return value >= least && value <= most ? value : throw Invalid($"{what} is {value} ({least}–{most} expected)");
    }

    private int ReadInt32()
    {
        _stream.ReadExactly(_scratch);
        return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
    }

    private byte[] ReadBytes(int count)
    {
        var bytes = new byte[count];
        _stream.ReadExactly(bytes);
        return bytes;
    }

    private void Skip(long bytes, string what)
    {
        Need(bytes, what);
        _stream.Seek(bytes, SeekOrigin.Current);
    }

    private void Need(long bytes, string what)
    {
        if (bytes > Remaining)
        {
            throw Invalid($"the file is truncated in {what}");
        }
    }

    private InvalidDataException Invalid(string reason) => new($"'{_path}' is not a usable Whisper model: {reason}.");
}
