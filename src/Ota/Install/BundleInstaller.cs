using System.Security.Cryptography;
using Car.Ota.Bundles;
using Car.Ota.Download;
using Car.Ota.Health;
using Car.Ota.Store;
using Car.Ota.Verification;
using Microsoft.Extensions.Logging;

namespace Car.Ota.Install;

/// <summary>
/// Installs a bundle into the inactive slot: verify the signed manifest, fetch each file (resuming what a cut left,
/// chunk by chunk against the manifest's hashes, never past its sizes), fsync, seal the slot, switch the active
/// pointer atomically, then health-check (confirm, or roll back). Killed at any point, the active bundle is complete
/// and a new run picks up where this one stopped.
/// </summary>
public sealed partial class BundleInstaller
{
    private readonly BundleStore _store;
    private readonly ManifestVerifier _verifier;
    private readonly BundleActivation _activation;
    private readonly INetworkCondition _network;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IInstallObserver? _observer;

    public BundleInstaller(
        BundleStore store,
        ManifestVerifier verifier,
        BundleActivation activation,
        INetworkCondition network,
        TimeProvider time,
        ILogger<BundleInstaller> logger,
        IInstallObserver? observer = null)
    {
        _store = store;
        _verifier = verifier;
        _activation = activation;
        _network = network;
        _time = time;
        _logger = logger;
        _observer = observer;
    }

    public async Task<InstallResult> InstallAsync(IBundleSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var held = _store.Lock();
        var pointer = await _store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        var active = await _store.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
        Step("begin");
        try
        {
            RequireNetwork(source);
            var metadata = await source.FetchMetadataAsync(cancellationToken).ConfigureAwait(false);
            Step("metadata-fetched");
            var manifestSha = Convert.ToHexStringLower(SHA256.HashData(metadata.Manifest));
            if (pointer.Active != Slots.Factory
                && await _store.ReadSealAsync(pointer.Active, cancellationToken).ConfigureAwait(false) is { } seal && seal.ManifestSha256 == manifestSha)
            {
                // This very bundle is active: a run cut after the switch finishes its health check; otherwise nothing to do.
                var from = pointer.Previous is { } p ? (await _store.ReadSlotAsync(p, cancellationToken).ConfigureAwait(false))?.Version ?? 0 : 0;
                var finished = await _activation.CheckAsync(from, cancellationToken).ConfigureAwait(false);
                return new InstallResult(finished, from, AlreadyInstalled: !pointer.Pending);
            }

            var verified = _verifier.Verify(metadata, pointer.Trust, pointer.HighestVersion + 1);
            Step("manifest-verified");
            var slot = Slots.Other(pointer.Active);
            await PrepareSlotAsync(slot, verified, cancellationToken).ConfigureAwait(false);
            Step("slot-prepared");
            RequireSpace(slot, verified.Manifest);

            var files = Path.Combine(_store.SlotDirectory(slot), BundleLayout.Files);
            var session = new Transfer(_time.GetTimestamp());
            for (var i = 0; i < verified.Manifest.Files.Count; i++)
            {
                await StoreFileAsync(source, files, verified.Manifest, verified.Manifest.Files[i], session, cancellationToken).ConfigureAwait(false);
                Step($"file-{i}-stored");
            }

            await _store.WriteSealAsync(slot, new SlotSeal(verified.Manifest.Version, manifestSha, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            Step("slot-sealed");

            var trust = verified.Trust.Version > 1 ? verified.Trust : pointer.Trust;
            await _store.WritePointerAsync(
                new StorePointer(slot, pointer.Active, Pending: true, 0, verified.Manifest.Version, trust), cancellationToken).ConfigureAwait(false);
            Step("activated");
            Log.Activated(_logger, verified.Manifest.Version, slot, active.Version);

            var healthy = await _activation.CheckAsync(active.Version, cancellationToken).ConfigureAwait(false);
            Step("confirmed");
            return new InstallResult(healthy, active.Version, AlreadyInstalled: false);
        }
        catch (BundleRejectedException e)
        {
            await RecordAsync(active, "rejected", e.Message).ConfigureAwait(false);
            throw;
        }
        catch (BundleInstallException e) when (!e.Message.Contains("rolled back", StringComparison.Ordinal))
        {
            await RecordAsync(active, "failed", e.Message).ConfigureAwait(false);
            throw;
        }
        catch (IOException e)
        {
            var message = IsDiskFull(e) ? $"The disk is full: {e.Message}" : $"Cannot write the bundle store: {e.Message}";
            await RecordAsync(active, "failed", message).ConfigureAwait(false);
            throw new BundleInstallException(message + " The active bundle is unchanged.", e);
        }
    }

    private async Task RecordAsync(InstalledBundle active, string result, string message)
    {
        try
        {
            await _store.AppendRecordAsync(_store.Record("install", active.Name, active.Version, 0, active.Slot, result, message), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A full disk cannot take the record either; the exception still says what happened.
        }
    }

    private void RequireNetwork(IBundleSource source)
    {
        if (source.UsesNetwork && _network.Unmet() is { } reason)
        {
            throw new BundleInstallException($"Not downloading from {source.Description}: {reason}.");
        }
    }

    /// <summary>Keeps a slot that already holds this manifest (resume); otherwise empties it and writes the signed documents.</summary>
    private async Task PrepareSlotAsync(string slot, VerifiedManifest verified, CancellationToken cancellationToken)
    {
        var directory = _store.SlotDirectory(slot);
        var manifestPath = Path.Combine(directory, BundleLayout.Manifest);
        if (File.Exists(manifestPath)
            && (await File.ReadAllBytesAsync(manifestPath, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(verified.Metadata.Manifest)
            && Directory.Exists(Path.Combine(directory, BundleLayout.Files)))
        {
            return;
        }

        _store.Clear(slot);
        var metadata = verified.Metadata;
        await DurableFile.WriteAtomicallyAsync(Path.Combine(directory, BundleLayout.Signatures), metadata.Signatures, cancellationToken).ConfigureAwait(false);
        if (metadata.Root is { } root && metadata.RootSignatures is { } rootSignatures)
        {
            await DurableFile.WriteAtomicallyAsync(Path.Combine(directory, BundleLayout.Root), root, cancellationToken).ConfigureAwait(false);
            await DurableFile.WriteAtomicallyAsync(Path.Combine(directory, BundleLayout.RootSignatures), rootSignatures, cancellationToken).ConfigureAwait(false);
        }

        // The manifest last: its presence is what marks the slot as holding this bundle's (partial) files.
        await DurableFile.WriteAtomicallyAsync(manifestPath, metadata.Manifest, cancellationToken).ConfigureAwait(false);
    }

    private void RequireSpace(string slot, BundleManifest manifest)
    {
        var directory = Path.Combine(_store.SlotDirectory(slot), BundleLayout.Files);
        var present = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : 0;
        var needed = Math.Max(0, manifest.TotalBytes - present);
        if (_store.Options.MaxStoreBytes > 0 && _store.UsedBytes(except: slot) + manifest.TotalBytes > _store.Options.MaxStoreBytes)
        {
            throw new BundleInstallException(
                $"The bundle store is full: version {manifest.Version} needs {Mb(manifest.TotalBytes)}, the store may hold {Mb(_store.Options.MaxStoreBytes)} "
                + $"and the other slot uses {Mb(_store.UsedBytes(except: slot))}. The active bundle is unchanged.");
        }

        var free = new DriveInfo(_store.Root).AvailableFreeSpace;
        if (needed > free)
        {
            throw new BundleInstallException($"The disk is full: version {manifest.Version} needs {Mb(needed)} more, {Mb(free)} free. The active bundle is unchanged.");
        }
    }

    /// <summary>Written bytes after which the disk is asked to write them back while the download goes on.</summary>
    private const long WriteBackBytes = 32L << 20;

    private async Task StoreFileAsync(IBundleSource source, string root, BundleManifest manifest, BundleFile file, Transfer transfer, CancellationToken cancellationToken)
    {
        var target = BundleLayout.PathOf(root, file.Path);
        if (File.Exists(target) && new FileInfo(target).Length == file.Size)
        {
            // Files are renamed into place only after their hash matched and their bytes were fsynced.
            return;
        }

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var part = target + ".part";
        var buffer = new byte[manifest.ChunkSize];
        var output = new FileStream(part, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.Asynchronous);
        await using (output.ConfigureAwait(false))
        {
            var offset = await KeepGoodChunksAsync(output, file, buffer, cancellationToken).ConfigureAwait(false);
            if (offset < file.Size)
            {
                await DownloadAsync(source, file, output, offset, buffer, transfer, cancellationToken).ConfigureAwait(false);
            }

            // Every byte was checked against the signed manifest's chunk hashes, which bind the file as its SHA-256 does
            // (the chunk count is fixed by the size); hashing the whole file again would halve the install rate.
            output.Flush(flushToDisk: true);
        }

        File.Move(part, target, overwrite: true);
        DurableFile.SyncDirectory(directory);
    }

    /// <summary>Re-reads what an earlier run left, keeps the leading chunks whose hashes match, and cuts the rest.</summary>
    private static async Task<long> KeepGoodChunksAsync(FileStream part, BundleFile file, byte[] buffer, CancellationToken cancellationToken)
    {
        long kept = 0;
        part.Seek(0, SeekOrigin.Begin);
        for (var chunk = 0; kept < Math.Min(part.Length, file.Size); chunk++)
        {
            var want = (int)Math.Min(buffer.Length, file.Size - kept);
            var read = await part.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < want || Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, want))) != file.Chunks[chunk])
            {
                break;
            }

            kept += want;
        }

        part.SetLength(kept);
        part.Seek(kept, SeekOrigin.Begin);
        return kept;
    }

    private async Task DownloadAsync(
        IBundleSource source, BundleFile file, FileStream output, long offset, byte[] buffer, Transfer transfer, CancellationToken cancellationToken)
    {
        var options = _store.Options.Download;
        using var stall = new CancellationTokenSource(options.StallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            var input = await source.OpenAsync(file, offset, linked.Token).ConfigureAwait(false);
            await using (input.ConfigureAwait(false))
            {
                if (input.Offset != offset)
                {
                    // The server sent the whole file: start the file over.
                    offset = input.Offset;
                    output.SetLength(offset);
                    output.Seek(offset, SeekOrigin.Begin);
                }

                var sinceProgress = 0L;
                var unflushed = 0L;
                Task writeBack = Task.CompletedTask;
                try
                {
                    for (var chunk = (int)(offset / buffer.Length); offset < file.Size; chunk++)
                    {
                        var want = (int)Math.Min(buffer.Length, file.Size - offset);
                        var filled = 0;
                        while (filled < want)
                        {
                            // Never asks for more than the manifest's size: extra bytes a server sends are never read.
                            int read;
                            try
                            {
                                read = await input.Stream.ReadAsync(buffer.AsMemory(filled, want - filled), linked.Token).ConfigureAwait(false);
                            }
                            catch (Exception e) when (e is IOException or HttpRequestException)
                            {
                                throw new BundleInstallException(
                                    $"The transfer of {file.Path} from {source.Description} broke at byte {offset + filled} of {file.Size} ({e.Message}); the next try resumes.", e);
                            }

                            if (read == 0)
                            {
                                throw new BundleInstallException($"{source.Description} ended {file.Path} at byte {offset + filled} of {file.Size}; the next try resumes.");
                            }

                            filled += read;
                            sinceProgress += read;
                            if (sinceProgress >= options.StallBytes)
                            {
                                sinceProgress = 0;
                                stall.CancelAfter(options.StallTimeout);
                            }

                            _observer?.Received(read);
                            await transfer.ThrottleAsync(read, options.MaxBytesPerSecond, _time, linked.Token).ConfigureAwait(false);
                        }

                        if (Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, want))) != file.Chunks[chunk])
                        {
                            throw new BundleRejectedException(
                                $"{file.Path}: chunk {chunk} (bytes {offset}–{offset + want}) does not match the manifest's hash: corrupt or tampered, refused.");
                        }

                        RequireQuota(want);
                        await output.WriteAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                        offset += want;
                        unflushed += want;
                        if (unflushed >= WriteBackBytes && writeBack.IsCompleted)
                        {
                            // Let the disk write what is cached while the next chunks arrive and are hashed, instead of
                            // all of it at the final fsync (which alone still makes the file durable).
                            await writeBack.ConfigureAwait(false);
                            var handle = output.SafeFileHandle;
                            writeBack = Task.Run(() => RandomAccess.FlushToDisk(handle), CancellationToken.None);
                            unflushed = 0;
                        }

                        if (source.UsesNetwork)
                        {
                            RequireNetwork(source);
                        }
                    }
                }
                finally
                {
                    // The final fsync makes the file durable; a write-back still running is waited for (and a failure
                    // of it on a transfer that failed anyway is of no interest).
                    await writeBack.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BundleInstallException(
                $"The download of {file.Path} stalled: less than {options.StallBytes} bytes in {options.StallTimeout.TotalSeconds:0.###} s "
                + $"(slow retrieval refused); {output.Length} bytes kept for the next try.", e);
        }
    }

    private void RequireQuota(int bytes)
    {
        var quota = _store.Options.MaxStoreBytes;
        if (quota > 0 && _store.UsedBytes() + bytes > quota)
        {
            throw new BundleInstallException($"The bundle store is full ({Mb(quota)} allowed). The active bundle is unchanged.");
        }
    }

    private void Step(string name)
    {
        _observer?.Reached(name);
    }

    private static bool IsDiskFull(IOException e) => e.HResult == 28 || (e.HResult & 0xFFFF) == 28 || e.Message.Contains("No space", StringComparison.OrdinalIgnoreCase);

    private static string Mb(long bytes) => $"{bytes / 1_000_000.0:0.#} MB";

    /// <summary>Bytes moved in this run, for the bandwidth cap.</summary>
    private sealed class Transfer(long started)
    {
        private long _bytes;

        public async Task ThrottleAsync(int read, long maxBytesPerSecond, TimeProvider time, CancellationToken cancellationToken)
        {
            _bytes += read;
            if (maxBytesPerSecond <= 0)
            {
                return;
            }

            var due = TimeSpan.FromSeconds((double)_bytes / maxBytesPerSecond);
            var ahead = due - time.GetElapsedTime(started);
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(ahead, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Bundle version {Version} activated in slot {Slot} (was {From}); health check next.")]
        public static partial void Activated(ILogger logger, long version, string slot, long from);
    }
}
