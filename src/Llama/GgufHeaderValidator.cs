using System.Text;
using Car.Native;

namespace Car.Llama;

/// <summary>
/// Walks a GGUF file's header (counts, metadata and tensor infos) in managed code before llama.cpp sees it, so a
/// crafted or damaged file gives an <see cref="LlmException"/> instead of a native abort: every count and length must
/// fit in what is left of the file, and a model's <c>*.block_count</c> must be 1–10 000.
/// </summary>
internal sealed class GgufHeaderValidator
{
    /// <summary>More tensors or metadata entries than any real model has (large models hold a few thousand).</summary>
    public const ulong MaxEntries = 1_000_000;

    /// <summary>More layers than any real model has (the largest published ones have under 200).</summary>
    public const ulong MaxBlockCount = 10_000;

    private const int MaxDimensions = 4;
    private const uint TypeString = 8;
    private const uint TypeArray = 9;

    // Smallest encoding of one metadata pair (empty key, type, one-byte value) and of one tensor info (empty name,
    // dimension count, one dimension, type, offset): a count the rest of the file cannot hold is rejected before the walk.
    private const long MinEntryBytes = 8 + 4 + 1;
    private const long MinTensorInfoBytes = 8 + 4 + 8 + 4 + 8;

    // Keys and tensor names are short identifiers; a longer one is damage, not a name.
    private const ulong MaxNameBytes = 64 * 1024;

    private readonly BoundedBinaryReader _reader;
    private readonly string _path;

    private GgufHeaderValidator(Stream stream, string path)
    {
        _path = path;
        _reader = new BoundedBinaryReader(stream, what => Unusable($"the header is truncated at {what}"));
    }

    private long Remaining => _reader.Remaining;

    /// <summary>Checks the header of the GGUF file at <paramref name="path"/>; throws <see cref="LlmException"/> naming what is wrong.</summary>
    public static void Validate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Validate(stream, path);
    }

    /// <summary>Checks a GGUF header read from <paramref name="stream"/> (seekable, its length the file's); <paramref name="name"/> appears in errors.</summary>
    public static void Validate(Stream stream, string name)
    {
        new GgufHeaderValidator(stream, name).Walk();
    }

    private static int ScalarSize(uint type) => type switch
    {
        0 or 1 or 7 => 1, // uint8, int8, bool
        2 or 3 => 2, // uint16, int16
        4 or 5 or 6 => 4, // uint32, int32, float32
        10 or 11 or 12 => 8, // uint64, int64, float64
        _ => 0,
    };

    private void Walk()
    {
        if (Remaining < 4 || !_reader.ReadBytes(4, "magic").AsSpan().SequenceEqual("GGUF"u8))
        {
            throw new LlmException($"'{_path}' is not a GGUF model file.");
        }

        var version = ReadUInt32("version");
        if (version is not (2 or 3))
        {
            throw Unusable($"GGUF version {version} (2 or 3 are supported)");
        }

        var tensorCount = ReadUInt64("tensor count");
        var entryCount = ReadUInt64("metadata count");
        if (tensorCount > MaxEntries || tensorCount * MinTensorInfoBytes > (ulong)Remaining)
        {
            throw Unusable($"tensor count {tensorCount} does not fit in the file");
        }

        if (entryCount > MaxEntries || entryCount * MinEntryBytes > (ulong)Remaining)
        {
            throw Unusable($"metadata count {entryCount} does not fit in the file");
        }

        for (ulong i = 0; i < entryCount; i++)
        {
            var key = ReadName("metadata key");
            var type = ReadUInt32(key);
            if (key.EndsWith(".block_count", StringComparison.Ordinal))
            {
                var blocks = ReadInteger(key, type);
                if (blocks is 0 or > MaxBlockCount)
                {
                    throw Unusable($"block_count {blocks} (1–{MaxBlockCount} are supported)");
                }
            }
            else
            {
                SkipValue(key, type);
            }
        }

        for (ulong i = 0; i < tensorCount; i++)
        {
            var name = ReadName("tensor name");
            var dimensions = ReadUInt32(name);
            if (dimensions is 0 or > MaxDimensions)
            {
                throw Unusable($"tensor {name} has {dimensions} dimensions (1–{MaxDimensions} are supported)");
            }

            ulong elements = 1;
            for (var d = 0; d < dimensions; d++)
            {
                var size = ReadUInt64(name);
                if (size == 0 || size > long.MaxValue / elements)
                {
                    throw Unusable($"tensor {name} has dimension {size}, an impossible size");
                }

                elements *= size;
            }

            Skip(4 + 8, name);
        }
    }

    private void SkipValue(string key, uint type)
    {
        if (type == TypeString)
        {
            SkipString(key);
        }
        else if (type == TypeArray)
        {
            var elementType = ReadUInt32(key);
            var count = ReadUInt64(key);
            if (elementType == TypeString)
            {
                if (count > (ulong)Remaining / 8)
                {
                    throw Unusable($"{key} claims {count} strings, more than the file holds");
                }

                for (ulong i = 0; i < count; i++)
                {
                    SkipString(key);
                }
            }
            else
            {
                var size = ScalarSize(elementType);
                if (size == 0)
                {
                    throw Unusable($"{key} is an array of unknown type {elementType}");
                }

                if (count > (ulong)Remaining / (ulong)size)
                {
                    throw Unusable($"{key} claims {count} values, more than the file holds");
                }

                Skip((long)count * size, key);
            }
        }
        else
        {
            var size = ScalarSize(type);
            if (size == 0)
            {
                throw Unusable($"{key} has unknown type {type}");
            }

            Skip(size, key);
        }
    }

    private ulong ReadInteger(string key, uint type)
    {
        return type switch
        {
            0 => _reader.ReadByte(key),
            1 => (ulong)Math.Max((sbyte)0, _reader.ReadSByte(key)),
            2 => _reader.ReadUInt16(key),
            3 => (ulong)Math.Max((short)0, _reader.ReadInt16(key)),
            4 => _reader.ReadUInt32(key),
            5 => (ulong)Math.Max(0, _reader.ReadInt32(key)),
            10 => _reader.ReadUInt64(key),
            11 => (ulong)Math.Max(0, _reader.ReadInt64(key)),
            _ => throw Unusable($"{key} is not an integer (type {type})"),
        };
    }

    private string ReadName(string what)
    {
        var length = StringLength(what);
        if (length > MaxNameBytes)
        {
            throw Unusable($"{what} is {length} bytes long (at most {MaxNameBytes})");
        }

        return Encoding.UTF8.GetString(_reader.ReadBytes((int)length, what));
    }

    private void SkipString(string what) => Skip((long)StringLength(what), what);

    private ulong StringLength(string what)
    {
        var length = ReadUInt64(what);
        if (length > (ulong)Remaining)
        {
            throw Unusable($"{what} claims {length} bytes, more than the file holds");
        }

        return length;
    }

    private uint ReadUInt32(string what) => _reader.ReadUInt32(what);

    private ulong ReadUInt64(string what) => _reader.ReadUInt64(what);

    private void Skip(long bytes, string what) => _reader.Skip(bytes, what);

    private LlmException Unusable(string reason) => new($"'{_path}' is not a usable GGUF model: {reason}.");
}
