using Car.Ota.Bundles;
using Car.Ota.Store;

namespace Car.Ota.Tests.Install;

/// <summary>The attacks of TUF and the faults of a car's disk, each leaving the active bundle as it was, with a clear message.</summary>
public sealed class InstallAttackTests
{
    [Fact]
    public async Task Install_FileWhoseHashDiffers_RefusedAndActiveUnchanged()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        var bundle = await ota.PackAsync(3);
        var file = Path.Combine(bundle, BundleLayout.Files, "llm", "model.gguf");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[150_000] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => ota.InstallAsync(bundle));

        Assert.Contains("llm/model.gguf: chunk 2 (bytes 131072–196608) does not match the manifest's hash", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_OlderVersion_RefusedAsRollbackAttack()
    {
        using var ota = new OtaHarness();
        var old = await ota.PackAsync(2);
        await ota.InstallAsync(await ota.PackAsync(3));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => ota.InstallAsync(old));

        Assert.Contains("Version 2 is not newer than version 3 that this car already ran (rollback attack refused)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 3L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_VersionRolledBackByHand_IsNotOfferedAgain()
    {
        using var ota = new OtaHarness();
        var three = await ota.PackAsync(3);
        await ota.InstallAsync(await ota.PackAsync(2));
        await ota.InstallAsync(three);
        await ota.Activation().RollBackAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => ota.InstallAsync(three));

        Assert.Contains("rollback attack refused", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_ExpiredManifest_RefusedAsFreezeAttack()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () =>
            await ota.InstallAsync(await ota.PackAsync(3, expires: DateTimeOffset.UtcNow.AddDays(-1))));

        Assert.Contains("The manifest expired on", refused.Message, StringComparison.Ordinal);
        Assert.Contains("freeze attack refused", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_AnotherBundlesManifest_RefusedAsMixAndMatch()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () =>
            await ota.InstallAsync(await ota.PackAsync(3, bundle: "truck-models")));

        Assert.Contains("The manifest is for bundle 'truck-models', this car installs 'car-models' (mix-and-match refused)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_NewManifestOverTheOldBundlesFiles_RefusedByTheFileHashes()
    {
        using var ota = new OtaHarness();
        var two = await ota.PackAsync(2);
        await ota.InstallAsync(two);
        var three = await ota.PackAsync(3);
        Directory.Delete(Path.Combine(three, BundleLayout.Files), recursive: true);
        Directory.Move(Path.Combine(two, BundleLayout.Files), Path.Combine(three, BundleLayout.Files));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => ota.InstallAsync(three));

        Assert.Contains("does not match the manifest's hash: corrupt or tampered, refused", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_StoreTooSmallForTheBundle_RefusedAsFullBeforeWriting()
    {
        using var ota = new OtaHarness(maxStoreBytes: 1_000_000);
        await ota.InstallAsync(await ota.PackAsync(2));

        var failed = await Assert.ThrowsAsync<BundleInstallException>(async () => await ota.InstallAsync(await ota.PackAsync(3, fileBytes: 300_000)));

        Assert.Contains("The bundle store is full: version 3 needs 0.9 MB, the store may hold 1 MB and the other slot uses 0.6 MB", failed.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_PathLeavingTheBundle_Refused()
    {
        using var ota = new OtaHarness();
        var source = Path.Combine(ota.Root, "evil.bin");
        await File.WriteAllBytesAsync(source, [1, 2, 3]);

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () =>
            await ota.InstallAsync(await ota.PackAsync(2, new Dictionary<string, string> { ["../../escape.bin"] = source })));

        Assert.Contains("a file outside the bundle", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.Factory, 0L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_Twice_SecondRunSaysAlreadyActive()
    {
        using var ota = new OtaHarness();
        var bundle = await ota.PackAsync(2);
        await ota.InstallAsync(bundle);

        var again = await ota.InstallAsync(bundle);

        Assert.True(again.AlreadyInstalled);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_ThreeVersions_AlternatesSlotsAndKeepsThePreviousForRollback()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        await ota.InstallAsync(await ota.PackAsync(3));
        await ota.InstallAsync(await ota.PackAsync(4));

        Assert.Equal((Slots.A, 4L, true), await ota.ActiveAsync());
        var pointer = await ota.Store.ReadPointerAsync(CancellationToken.None);
        Assert.Equal(Slots.B, pointer.Previous);
        var records = await ota.Store.ReadRecordsAsync(CancellationToken.None);
        Assert.Equal([(0L, 2L), (2L, 3L), (3L, 4L)], records.Select(r => (r.FromVersion, r.ToVersion)));
    }
}
