namespace Car.Language.Compiled;

/// <summary>How one kind of language data is written to a compiled file and read back without parsing.</summary>
/// <typeparam name="T">The loaded form of the data.</typeparam>
internal interface ICompiledForm<T>
    where T : class
{
    /// <summary>Four letters naming the kind of data, so that one kind's file is never read as another.</summary>
    uint Kind { get; }

    /// <summary>Raised whenever the layout changes: a file of another version is rebuilt from the source.</summary>
    uint Version { get; }

    void Write(CompiledFileWriter writer, T value);

    /// <summary>Reads the sections in the order <see cref="Write"/> wrote them, ends with <see cref="CompiledFileReader.Finish"/> and checks what it read.</summary>
    /// <exception cref="CompiledDataException">The data is inconsistent.</exception>
    T Read(CompiledFileReader reader);
}
