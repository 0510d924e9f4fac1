using System.IO.MemoryMappedFiles;

namespace Car.Language.Compiled;

/// <summary>
/// A compiled file mapped read-only into memory: its arrays are used where they lie, in the page cache, with no copy
/// and no fresh memory to fault in and clear (reading jieba's 8 MB into new arrays was most of a cold start). The
/// mapping is never undone: what is loaded from it lives as long as the program. A compiled file is replaced by
/// renaming a new one over it, never rewritten in place, so the mapped bytes do not change under a reader.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;

    private MappedFile(MemoryMappedViewAccessor view, long length)
    {
        _view = view;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _start = start + view.PointerOffset;
        Length = length;
    }

    public long Length { get; }

    /// <exception cref="IOException">The file cannot be opened or mapped.</exception>
    public static MappedFile Open(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var length = file.Length;
        if (length == 0)
        {
            // An empty file cannot be mapped; it holds no header either.
            throw new CompiledDataException("it is empty");
        }

        using var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        return new MappedFile(map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);
    }

    /// <summary>The bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>), which the caller has checked lie in the file.</summary>
    public ReadOnlySpan<byte> Bytes(long offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + length, Length);
        return new ReadOnlySpan<byte>(_start + offset, length);
    }

    /// <summary>Elements of <typeparamref name="T"/> starting at <paramref name="offset"/>, as memory that keeps this mapping alive.</summary>
    public ReadOnlyMemory<T> Memory<T>(long offset, int count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + ((long)count * sizeof(T)), Length);
        return count == 0 ? ReadOnlyMemory<T>.Empty : new MappedMemory<T>(this, (T*)(_start + offset), count).Memory;
    }

    /// <summary>Memory over part of the mapping; holding the <see cref="MappedFile"/> keeps its view referenced.</summary>
    private sealed class MappedMemory<T>(MappedFile file, T* start, int count) : System.Buffers.MemoryManager<T>
        where T : unmanaged
    {
        public MappedFile File => file;

        public override Span<T> GetSpan() => new(start, count);

        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0) => new(start + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
