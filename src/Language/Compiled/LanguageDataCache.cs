using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.Language.Compiled;

/// <summary>
/// Compiled copies of the language data (jieba's dictionary and HMM, the pinyin table) in a cache directory, read back
/// with a few bulk reads instead of parsing the text. The text files stay the source of truth: a copy names its
/// source's length and write time and is rebuilt when they change, a damaged or cut copy is passed over with one log
/// line, and a directory that cannot be written only means parsing on every start. Copies do not pile up as installs
/// and OTA bundles move the sources: whenever a copy is written, the other copies of a source of the same name that no
/// start has read for <see cref="UnusedFor"/> are deleted, and of the rest only the <see cref="KeptCopies"/> read
/// most recently stay, with any other read within the day (a copy read is marked so, at most once a day, by its write
/// time).
/// </summary>
public sealed partial class LanguageDataCache
{
    private const string Extension = ".car";

    /// <summary>A copy no start has read for this long belongs to an install or a bundle that is gone.</summary>
    public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(30);

    /// <summary>
    /// Copies kept of sources of one name (the installs and bundles on the unit at once), the one just written included;
    /// copies read within the last day are kept beyond it.
    /// </summary>
    public const int KeptCopies = 4;

    /// <summary>How often a copy that is read has its write time moved on: a head unit's flash is not written on every start.</summary>
    private static readonly TimeSpan MarkEvery = TimeSpan.FromDays(1);

    private readonly ILogger _logger;

    /// <param name="directory">Where the compiled copies live; null or empty: none are kept and the sources are parsed.</param>
    public LanguageDataCache(string? directory, ILogger? logger = null)
    {
        Directory = string.IsNullOrEmpty(directory) ? null : Path.GetFullPath(directory);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>No cache: every load parses its source.</summary>
    public static LanguageDataCache None { get; } = new(null);

    /// <summary>
    /// <c>$XDG_CACHE_HOME/car</c>, else <c>~/.cache/car</c>: writable on a head unit whose program directory is not;
    /// null when there is no home directory.
    /// </summary>
    public static string? DefaultDirectory =>
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache && Path.IsPathRooted(cache)
            ? Path.Combine(cache, "car")
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
                ? Path.Combine(home, ".cache", "car")
                : null;

    /// <summary>The cache directory, or null when compiled copies are off.</summary>
    public string? Directory { get; }

    /// <summary>Where the compiled copy of <paramref name="sourcePath"/> lives: the file's name and a hash of its full path, so that two installs do not take turns overwriting one copy.</summary>
    public string? CompiledPath(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        if (Directory is null)
        {
            return null;
        }

        var fullPath = Path.GetFullPath(sourcePath);
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in fullPath)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return Path.Combine(Directory, $"{Path.GetFileName(fullPath)}-{hash:x16}{Extension}");
    }

    /// <summary>
    /// The data of <paramref name="sourcePath"/>: from its compiled copy when that is sound and current, else parsed
    /// with <paramref name="parse"/> (whose exceptions pass through) and written to the cache for the next start.
    /// </summary>
    internal T Load<T>(string sourcePath, ICompiledForm<T> form, Func<string, T> parse)
        where T : class
    {
        var compiledPath = CompiledPath(sourcePath);
        var source = new FileInfo(sourcePath);
        if (compiledPath is null || !BitConverter.IsLittleEndian || !source.Exists)
        {
            return parse(sourcePath);
        }

        var stamp = SourceStamp.Of(source);
        if (TryRead(compiledPath, form, stamp) is { } compiled)
        {
            MarkUsed(compiledPath);
            return compiled;
        }

        var parsed = parse(sourcePath);
        if (TryWrite(compiledPath, form, parsed, stamp))
        {
            DeleteOtherCopies(compiledPath, Path.GetFileName(source.FullName));
        }

        return parsed;
    }

    private static void MarkUsed(string path)
    {
        try
        {
            var now = DateTime.UtcNow;
            if (now - File.GetLastWriteTimeUtc(path) > MarkEvery)
            {
                File.SetLastWriteTimeUtc(path, now);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache keeps working; the copy may only be evicted sooner.
        }
    }

    /// <summary>
    /// Deletes the copies of sources named <paramref name="sourceName"/> other than <paramref name="kept"/> that are
    /// unused, or beyond the newest <see cref="KeptCopies"/> and unread for a day, and partial files left by a start
    /// that died while writing.
    /// </summary>
    private void DeleteOtherCopies(string kept, string sourceName)
    {
        try
        {
            var now = DateTime.UtcNow;
            var copies = new DirectoryInfo(Directory!).EnumerateFiles($"{sourceName}-*")
                .Where(f => f.FullName != kept && (f.Name.EndsWith(Extension, StringComparison.Ordinal) || f.Name.EndsWith(".partial", StringComparison.Ordinal)))
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .ToList();
            var recent = 1;
            foreach (var copy in copies)
            {
                var partial = !copy.Name.EndsWith(Extension, StringComparison.Ordinal);
                var unused = now - copy.LastWriteTimeUtc > (partial ? MarkEvery : UnusedFor);
                // Beyond the newest few, a copy goes only once no start has read it for a day: builds and tests that
                // run side by side from several directories would otherwise take turns deleting each other's copies.
                var surplus = !partial && ++recent > KeptCopies && now - copy.LastWriteTimeUtc > MarkEvery;
                if (unused || surplus)
                {
                    TryDelete(copy.FullName);
                    Log.Evicted(_logger, copy.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next copy written tries again.
        }
    }

    private T? TryRead<T>(string path, ICompiledForm<T> form, SourceStamp stamp)
        where T : class
    {
        try
        {
            var file = MappedFile.Open(path);
            if (file.Length < CompiledFileHeader.Size
                || CompiledFileHeader.Read(file.Bytes(0, CompiledFileHeader.Size)) is not { } header
                || header.Kind != form.Kind)
            {
                throw new CompiledDataException("it does not start with a compiled file's header");
            }

            if (header.Version != form.Version || header.Source != stamp)
            {
                Log.Outdated(_logger, path);
                return null;
            }

            var payload = file.Length - CompiledFileHeader.Size;
            if (header.PayloadLength != payload || payload > int.MaxValue)
            {
                throw new CompiledDataException($"it is cut short or overlong: {payload} bytes of data where its header says {header.PayloadLength}");
            }

            var checksum = default(Checksum);
            checksum.Append(file.Bytes(CompiledFileHeader.Size, (int)payload));
            if (checksum.Value != header.Checksum)
            {
                throw new CompiledDataException("the checksum does not match (the file is damaged)");
            }

            return form.Read(new CompiledFileReader(file, CompiledFileHeader.Size));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is CompiledDataException or IOException or UnauthorizedAccessException)
        {
            Log.Unusable(_logger, path, e.Message);
            return null;
        }
    }

    private bool TryWrite<T>(string path, ICompiledForm<T> form, T value, SourceStamp stamp)
        where T : class
    {
        // Written beside its final name and renamed over it, so that another car starting at the same moment reads
        // either the old copy or the whole new one.
        var partial = $"{path}.{Environment.ProcessId}.partial";
        try
        {
            System.IO.Directory.CreateDirectory(Directory!);
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(new byte[CompiledFileHeader.Size]);
                var writer = new CompiledFileWriter(stream);
                form.Write(writer, value);
                Span<byte> header = stackalloc byte[CompiledFileHeader.Size];
                new CompiledFileHeader(form.Kind, form.Version, stamp, writer.Length, writer.Checksum).WriteTo(header);
                stream.Position = 0;
                stream.Write(header);
            }

            File.Move(partial, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Log.NotWritten(_logger, path, e.Message);
            TryDelete(partial);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: a leftover partial file is never read.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Compiled language data {Path} is unusable ({Reason}); reading the source instead and writing it anew.")]
        public static partial void Unusable(ILogger logger, string path, string reason);

        [LoggerMessage(2, LogLevel.Debug, "Compiled language data {Path} is for another version of its source or format; compiling it anew.")]
        public static partial void Outdated(ILogger logger, string path);

        [LoggerMessage(3, LogLevel.Debug, "Compiled language data {Path} cannot be written ({Reason}); the source is parsed on every start.")]
        public static partial void NotWritten(ILogger logger, string path, string reason);

        [LoggerMessage(4, LogLevel.Debug, "Compiled language data {Path} was unused or one copy too many; deleted.")]
        public static partial void Evicted(ILogger logger, string path);
    }
}
