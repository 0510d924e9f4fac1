using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Car.Language.Compiled;

/// <summary>
/// Reads the sections <see cref="CompiledFileWriter"/> wrote, each straight into a new array with one read. Every
/// count is checked against the bytes left, so a cut or damaged file gives a <see cref="CompiledDataException"/>,
/// never an array larger than the file; <see cref="Finish"/> then compares the checksum.
/// </summary>
internal sealed class CompiledFileReader
{
    private readonly SafeFileHandle _file;
    private readonly long _end;
    private readonly ulong _expectedChecksum;
    private long _position;
    private Checksum _checksum;

    public CompiledFileReader(SafeFileHandle file, long start, long end, ulong expectedChecksum)
    {
        _file = file;
        _position = start;
        _end = end;
        _expectedChecksum = expectedChecksum;
    }

    /// <exception cref="CompiledDataException">The count runs past the end of the file.</exception>
    public T[] ReadArray<T>()
        where T : unmanaged
    {
        Span<byte> countBytes = stackalloc byte[sizeof(long)];
        Fill(countBytes);
        var count = MemoryMarshal.Read<long>(countBytes);
        var size = Unsafe.SizeOf<T>();
        if (count < 0 || count > (_end - _position) / size)
        {
            throw new CompiledDataException($"a section of {count} elements runs past the end of the file");
        }

        var values = GC.AllocateUninitializedArray<T>((int)count);
        Fill(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads what <see cref="CompiledFileWriter.WriteStrings"/> wrote.</summary>
    public string[] ReadStrings()
    {
        var characters = ReadArray<char>();
        var starts = ReadArray<int>();
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != characters.Length)
        {
            throw new CompiledDataException("a list of strings does not match its characters");
        }

        var strings = new string[starts.Length - 1];
        for (var i = 0; i < strings.Length; i++)
        {
            if (starts[i + 1] < starts[i] || starts[i + 1] > characters.Length)
            {
                throw new CompiledDataException("a list of strings has its offsets out of order");
            }

            strings[i] = new string(characters, starts[i], starts[i + 1] - starts[i]);
        }

        return strings;
    }

    /// <summary>Checks that every byte was read and that the checksum matches.</summary>
    /// <exception cref="CompiledDataException">Bytes are left over or the checksum differs.</exception>
    public void Finish()
    {
        if (_position != _end)
        {
            throw new CompiledDataException($"{_end - _position} bytes are left over after the data");
        }

        if (_checksum.Value != _expectedChecksum)
        {
            throw new CompiledDataException("the checksum does not match (the file is damaged)");
        }
    }

    private void Fill(Span<byte> bytes)
    {
        if (bytes.Length > _end - _position)
        {
            throw new CompiledDataException("it is cut short");
        }

        var target = bytes;
        while (!target.IsEmpty)
        {
            var read = RandomAccess.Read(_file, target, _position);
            if (read == 0)
            {
                throw new CompiledDataException("it is cut short");
            }

            _position += read;
            target = target[read..];
        }

        _checksum.Append(bytes);
    }
}
