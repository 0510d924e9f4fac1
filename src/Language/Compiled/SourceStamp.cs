namespace Car.Language.Compiled;

/// <summary>What a compiled file remembers of its source: a source of another length or write time is a changed one.</summary>
internal readonly record struct SourceStamp(long Length, long LastWriteTicks)
{
    public static SourceStamp Of(FileInfo source) => new(source.Length, source.LastWriteTimeUtc.Ticks);
}
