using Car.Ota.Bundles;
using Car.Ota.Signing;
using Car.Ota.Store;

namespace Car.Ota.Tests.Signing;

public sealed class SignatureTests
{
    [Fact]
    public async Task Install_SignedByTrustedKey_ActivatesInSlotA()
    {
        using var ota = new OtaHarness();
        var bundle = await ota.PackAsync(2);

        var result = await ota.InstallAsync(bundle);

        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
        Assert.Equal(0, result.FromVersion);
    }

    [Fact]
    public async Task KeyFiles_WrittenAndLoaded_SignAndVerifyAsTheSameKey()
    {
        using var ota = new OtaHarness();
        var directory = Path.Combine(ota.Root, "keys");
        await ota.Key.WriteAsync(directory, CancellationToken.None);

        using var loaded = await SigningKey.LoadAsync(Path.Combine(directory, "release"), CancellationToken.None);
        var signature = loaded.Sign("manifest"u8);

        var published = PublicSigningKey.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "release.pub")));
        Assert.Equal(ota.Key.Public.Id, published.Id);
        Assert.True(published.Verify("manifest"u8, Convert.FromBase64String(signature.Signature)));
        Assert.False(published.Verify("manifest!"u8, Convert.FromBase64String(signature.Signature)));
    }

    [Fact]
    public async Task Install_ManifestChangedAfterSigning_RefusedAsInvalidSignature()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        var bundle = await ota.PackAsync(3);
        var manifest = Path.Combine(bundle, BundleLayout.Manifest);
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"version\":3", "\"version\":4", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => ota.InstallAsync(bundle));

        Assert.Contains("0 valid signature(s) by trusted keys, 1 required (1 signature(s) invalid)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_NoSignatures_RefusedAsNotSigned()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        var bundle = await ota.PackAsync(3);
        File.Delete(Path.Combine(bundle, BundleLayout.Signatures));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => ota.InstallAsync(bundle));

        Assert.Contains("The manifest is not signed", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_SignedByUnknownKey_RefusedNamingTheUnknownKey()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        using var stranger = SigningKey.Generate("stranger");

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () => await ota.InstallAsync(await ota.PackAsync(3, [stranger])));

        Assert.Contains("0 valid signature(s) by trusted keys, 1 required (1 by unknown key(s))", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_OneSignatureWhereTwoAreRequired_RefusedBelowThreshold()
    {
        using var ota = new OtaHarness(threshold: 2);
        await ota.InstallAsync(await ota.PackAsync(2, [ota.Key, ota.SecondKey]));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () => await ota.InstallAsync(await ota.PackAsync(3, [ota.Key])));

        Assert.Contains("1 valid signature(s) by trusted keys, 2 required", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_SameKeySigningTwice_CountsOnceTowardsTheThreshold()
    {
        using var ota = new OtaHarness(threshold: 2);

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () => await ota.InstallAsync(await ota.PackAsync(2, [ota.Key, ota.Key])));

        Assert.Contains("1 valid signature(s) by trusted keys, 2 required", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.Factory, 0L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_KeyRotationSignedByOldAndNewKeys_TrustsTheNewKeyAfterwards()
    {
        using var ota = new OtaHarness(configure: o => o.TrustedKeys.RemoveAt(1));
        using var successor = SigningKey.Generate("successor");
        var root = new TrustRoot(2, 1, [successor.Public.Text]);

        await ota.InstallAsync(await ota.PackAsync(2, [ota.Key, successor], newRoot: root));
        await ota.InstallAsync(await ota.PackAsync(3, [successor]));
        var retired = await Assert.ThrowsAsync<BundleRejectedException>(async () => await ota.InstallAsync(await ota.PackAsync(4, [ota.Key])));

        Assert.Contains("1 by unknown key(s)", retired.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.B, 3L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_KeyRotationSignedOnlyByTheNewKey_Refused()
    {
        using var ota = new OtaHarness(configure: o => o.TrustedKeys.RemoveAt(1));
        using var usurper = SigningKey.Generate("usurper");
        var root = new TrustRoot(2, 1, [usurper.Public.Text]);

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(async () => await ota.InstallAsync(await ota.PackAsync(2, [usurper], newRoot: root)));

        Assert.Contains("key rotation (by the old keys)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.Factory, 0L, true), await ota.ActiveAsync());
    }
}
