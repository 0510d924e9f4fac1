using System.Runtime.InteropServices;

namespace Car.Language.Compiled;

/// <summary>
/// Reads the sections <see cref="CompiledFileWriter"/> wrote from a mapped file whose checksum has been checked:
/// large arrays as memory over the mapping (no copy), small ones copied out. Every count is checked against the bytes
/// left, so a file that is inconsistent gives a <see cref="CompiledDataException"/>, never a read past its end.
/// </summary>
internal sealed class CompiledFileReader
{
    private readonly MappedFile _file;
    private readonly long _end;
    private long _position;

    public CompiledFileReader(MappedFile file, long start)
    {
        _file = file;
        _position = start;
        _end = file.Length;
    }

    /// <exception cref="CompiledDataException">The count runs past the end of the file.</exception>
    public unsafe ReadOnlyMemory<T> ReadMemory<T>()
        where T : unmanaged
    {
        if (_end - _position < CompiledFileWriter.Alignment)
        {
            throw new CompiledDataException("it is cut short");
        }

        var count = MemoryMarshal.Read<long>(_file.Bytes(_position, sizeof(long)));
        _position += CompiledFileWriter.Alignment;
        if (count < 0 || count > (_end - _position) / sizeof(T))
        {
            throw new CompiledDataException($"a section of {count} elements runs past the end of the file");
        }

        var memory = _file.Memory<T>(_position, (int)count);
        var bytes = count * sizeof(T);
        _position += bytes + ((CompiledFileWriter.Alignment - (bytes % CompiledFileWriter.Alignment)) % CompiledFileWriter.Alignment);
        return memory;
    }

    /// <summary>A section copied into a new array: for the small ones that code keeps as arrays.</summary>
    public T[] ReadArray<T>()
        where T : unmanaged => ReadMemory<T>().ToArray();

    /// <summary>Reads what <see cref="CompiledFileWriter.WriteStrings"/> wrote.</summary>
    public string[] ReadStrings()
    {
        var characters = ReadMemory<char>().Span;
        var starts = ReadMemory<int>().Span;
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

            strings[i] = new string(characters[starts[i]..starts[i + 1]]);
        }

        return strings;
    }

    /// <summary>Checks that every byte was read.</summary>
    /// <exception cref="CompiledDataException">Bytes are left over.</exception>
    public void Finish()
    {
        if (_position != _end)
        {
            throw new CompiledDataException($"{_end - _position} bytes are left over after the data");
        }
    }
}
