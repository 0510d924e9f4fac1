using Car.Ota.Bundles;
using Microsoft.Extensions.Options;

namespace Car.Ota.Store;

/// <summary>
/// The bundles on the car: the factory bundle (read-only, shipped with the program), slots A and B, and the active
/// pointer (<c>active.json</c>) that says which one runs. Only a sealed slot (every file verified and fsynced) is ever
/// pointed at, and the pointer is replaced atomically, so a power cut at any moment leaves a complete bundle active.
/// </summary>
public sealed class BundleStore
{
    private const string PointerFile = "active.json";
    private const string RecordsFile = "installs.jsonl";
    private const string ReportedFile = "installs.reported";
    private const string SealFile = "seal.json";
    private const string LockFile = "store.lock";
    private readonly OtaOptions _options;
    private readonly TimeProvider _time;

    public BundleStore(IOptions<OtaOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        Root = Path.GetFullPath(_options.StoreDirectory ?? throw new OptionsValidationException(
            OtaOptions.SectionName, typeof(OtaOptions), ["Ota:StoreDirectory is not set."]));
    }

    public string Root { get; }

    public OtaOptions Options => _options;

    /// <summary>The folder of <paramref name="slot"/> (manifest, signatures, seal and <c>files/</c>).</summary>
    public string SlotDirectory(string slot) => slot == Slots.Factory ? _options.FactoryDirectory : Path.Combine(Root, "slots", slot);

    /// <summary>
    /// Takes the store for one writer across processes (an installer, a rollback); released on dispose or when the
    /// process dies. Throws <see cref="BundleInstallException"/> when another holds it.
    /// </summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(Root);
        try
        {
            return new FileStream(Path.Combine(Root, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new BundleInstallException($"Another installation holds the bundle store {Root}.", e);
        }
    }

    public async Task<StorePointer> ReadPointerAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, PointerFile);
        if (!File.Exists(path))
        {
            return StorePointer.Factory;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return BundleJson.Deserialize<StorePointer>(bytes, "active pointer " + path);
    }

    public Task WritePointerAsync(StorePointer pointer, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        return DurableFile.WriteAtomicallyAsync(Path.Combine(Root, PointerFile), BundleJson.Serialize(pointer), cancellationToken);
    }

    /// <summary>The bundle in <paramref name="slot"/> if it is complete (sealed, or the factory bundle), else null.</summary>
    public async Task<InstalledBundle?> ReadSlotAsync(string slot, CancellationToken cancellationToken)
    {
        var directory = SlotDirectory(slot);
        if (slot == Slots.Factory)
        {
            var manifest = Path.Combine(directory, BundleLayout.Manifest);
            return File.Exists(manifest)
                ? new InstalledBundle(slot, Path.Combine(directory, BundleLayout.Files),
                    BundleJson.Deserialize<BundleManifest>(await File.ReadAllBytesAsync(manifest, cancellationToken).ConfigureAwait(false), "factory manifest"))
                : new InstalledBundle(slot, directory, null);
        }

        if (await ReadSealAsync(slot, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, BundleLayout.Manifest), cancellationToken).ConfigureAwait(false);
        return new InstalledBundle(slot, Path.Combine(directory, BundleLayout.Files), BundleJson.Deserialize<BundleManifest>(bytes, $"manifest of slot {slot}"));
    }

    public async Task<SlotSeal?> ReadSealAsync(string slot, CancellationToken cancellationToken)
    {
        var path = Path.Combine(SlotDirectory(slot), SealFile);
        return File.Exists(path)
            ? BundleJson.Deserialize<SlotSeal>(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), "seal of slot " + slot)
            : null;
    }

    internal Task WriteSealAsync(string slot, SlotSeal seal, CancellationToken cancellationToken) =>
        DurableFile.WriteAtomicallyAsync(Path.Combine(SlotDirectory(slot), SealFile), BundleJson.Serialize(seal), cancellationToken);

    /// <summary>Unseals and empties <paramref name="slot"/> so that it can take a new bundle.</summary>
    internal void Clear(string slot)
    {
        var directory = SlotDirectory(slot);
        var seal = Path.Combine(directory, SealFile);
        if (File.Exists(seal))
        {
            // The seal goes first: a slot half deleted by a power cut must not look complete.
            File.Delete(seal);
            DurableFile.SyncDirectory(directory);
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(directory, BundleLayout.Files));
    }

    /// <summary>The bundle the car runs: the pointer's slot, falling back to the previous one or the factory bundle if it is incomplete.</summary>
    public async Task<InstalledBundle> ReadActiveAsync(CancellationToken cancellationToken)
    {
        var pointer = await ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSlotAsync(pointer.Active, cancellationToken).ConfigureAwait(false)
            ?? (pointer.Previous is { } previous ? await ReadSlotAsync(previous, cancellationToken).ConfigureAwait(false) : null)
            ?? (await ReadSlotAsync(Slots.Factory, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Bytes held by the slots, for <see cref="OtaOptions.MaxStoreBytes"/>.</summary>
    public long UsedBytes(string? except = null) =>
        new[] { Slots.A, Slots.B }.Where(s => s != except).Select(SlotDirectory).Where(Directory.Exists)
            .Sum(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));

    public async Task AppendRecordAsync(InstallRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var line = System.Text.Json.JsonSerializer.Serialize(record, BundleJsonContext.Default.InstallRecord);
        var stream = new FileStream(Path.Combine(Root, RecordsFile), FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The install log's file name in <see cref="Root"/>, for whoever follows it.</summary>
    public static string RecordsFileName => RecordsFile;

    /// <summary>How many records of the install log have been handed to the cloud's outbox (0 when none, or unreadable).</summary>
    public async Task<int> ReadReportedCountAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, ReportedFile);
        return File.Exists(path)
            && int.TryParse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;
    }

    /// <summary>Remembers, durably, that the first <paramref name="count"/> records have been handed to the outbox.</summary>
    public Task WriteReportedCountAsync(int count, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        return DurableFile.WriteAtomicallyAsync(Path.Combine(Root, ReportedFile),
            System.Text.Encoding.ASCII.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
    }

    public async Task<IReadOnlyList<InstallRecord>> ReadRecordsAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, RecordsFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var records = new List<InstallRecord>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (System.Text.Json.JsonSerializer.Deserialize(line, BundleJsonContext.Default.InstallRecord) is { } record)
                {
                    records.Add(record);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A line cut short by a power cut is the only kind of damage an append-only log takes; it is skipped.
            }
        }

        return records;
    }

    internal InstallRecord Record(string action, string bundle, long from, long to, string slot, string result, string message) =>
        new(_time.GetUtcNow(), action, bundle, from, to, slot, result, message);
}
