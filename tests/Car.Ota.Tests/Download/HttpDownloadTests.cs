using Car.Ota.Download;
using Car.Ota.Store;

namespace Car.Ota.Tests.Download;

/// <summary>Downloads from a real Kestrel server on loopback that behaves, cuts transfers, or attacks (endless data, slow retrieval).</summary>
public sealed class HttpDownloadTests
{
    private static readonly HttpClient Client = new();

    [Fact]
    public async Task Install_FromServer_DownloadsVerifiesAndActivates()
    {
        using var ota = new OtaHarness(configure: o => o.Download.Http2 = false);
        var bundle = await ota.PackAsync(2);
        await using var server = await MisbehavingServer.StartAsync(bundle);

        await InstallAsync(ota, server.BundleAt("good"));

        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_AfterACutTransfer_ResumesWithARangeRequest()
    {
        using var ota = new OtaHarness(configure: o => o.Download.Http2 = false);
        var bundle = await ota.PackAsync(2);
        await using var server = await MisbehavingServer.StartAsync(bundle);

        var cut = await Assert.ThrowsAsync<BundleInstallException>(() => InstallAsync(ota, server.BundleAt("cut")));
        await InstallAsync(ota, server.BundleAt("good"));

        Assert.Contains("asr/whisper.bin", cut.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
        // Half of the first file arrived before the cut: 98 304 bytes in whole 64 KiB chunks are kept and not fetched again.
        Assert.Contains("bytes=65536-", server.Ranges);
    }

    [Fact]
    public async Task Install_ServerSendingEndlessFileData_ReadsNoMoreThanTheManifestSaysAndRefuses()
    {
        using var ota = new OtaHarness(configure: o => o.Download.Http2 = false);
        await ota.InstallAsync(await ota.PackAsync(2));
        var bundle = await ota.PackAsync(3);
        await using var server = await MisbehavingServer.StartAsync(bundle);

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => InstallAsync(ota, server.BundleAt("endless")));

        Assert.Contains("asr/whisper.bin: chunk 0 (bytes 0–65536) does not match the manifest's hash", refused.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(ota.Store.SlotDirectory(Slots.B), "files", "asr", "whisper.bin.part")) is { Exists: false } or { Length: <= 200_000 });
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_ServerDeclaringMoreBytesThanTheManifest_RefusedBeforeReading()
    {
        using var ota = new OtaHarness(configure: o => o.Download.Http2 = false);
        await ota.InstallAsync(await ota.PackAsync(2));
        await using var server = await MisbehavingServer.StartAsync(await ota.PackAsync(3));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => InstallAsync(ota, server.BundleAt("overdeclared")));

        Assert.Contains("declares 1200000 bytes from byte 0, but the manifest says asr/whisper.bin has 200000: refused (endless data)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_EndlessManifest_RefusedAtTheMetadataLimit()
    {
        using var ota = new OtaHarness(configure: o => o.Download.Http2 = false);
        await ota.InstallAsync(await ota.PackAsync(2));
        await using var server = await MisbehavingServer.StartAsync(await ota.PackAsync(3));

        var refused = await Assert.ThrowsAsync<BundleRejectedException>(() => InstallAsync(ota, server.BundleAt("endless-manifest")));

        Assert.Contains("sends more than the 4194304 bytes a car reads: refused (endless data)", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_ServerTricklingBytes_StoppedAtTheStallDeadline()
    {
        using var ota = new OtaHarness(configure: o =>
        {
            o.Download.Http2 = false;
            o.Download.StallTimeout = TimeSpan.FromSeconds(1);
            o.Download.StallBytes = 16 * 1024;
        });
        await ota.InstallAsync(await ota.PackAsync(2));
        await using var server = await MisbehavingServer.StartAsync(await ota.PackAsync(3));

        var started = TimeProvider.System.GetTimestamp();
        var stalled = await Assert.ThrowsAsync<BundleInstallException>(() => InstallAsync(ota, server.BundleAt("trickle")));

        Assert.Contains("The download of asr/whisper.bin stalled: less than 16384 bytes in 1 s (slow retrieval refused)", stalled.Message, StringComparison.Ordinal);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_WithABandwidthCap_TakesAtLeastTheCappedTime()
    {
        using var ota = new OtaHarness(configure: o =>
        {
            o.Download.Http2 = false;
            o.Download.MaxBytesPerSecond = 1_000_000;
        });
        await using var server = await MisbehavingServer.StartAsync(await ota.PackAsync(2, fileBytes: 250_000));

        var started = TimeProvider.System.GetTimestamp();
        await InstallAsync(ota, server.BundleAt("good"));

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.7), "750 kB at 1 MB/s takes at least 0.7 s");
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
    }

    [Fact]
    public async Task Install_WhenTheAllowedNetworkIsDown_DoesNotDownload()
    {
        using var ota = new OtaHarness(configure: o =>
        {
            o.Download.Http2 = false;
            o.Download.AllowedInterfaces.Add("wlan-car-test");
        });
        ota.Network = new InterfaceNetworkCondition(Microsoft.Extensions.Options.Options.Create(ota.Options));
        await using var server = await MisbehavingServer.StartAsync(await ota.PackAsync(2));

        var waiting = await Assert.ThrowsAsync<BundleInstallException>(() => InstallAsync(ota, server.BundleAt("good")));

        Assert.Contains("no allowed network is up (Ota:Download:AllowedInterfaces wlan-car-test", waiting.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.BytesServed);
        Assert.Equal((Slots.Factory, 0L, true), await ota.ActiveAsync());
    }

    private static Task<Car.Ota.Install.InstallResult> InstallAsync(OtaHarness ota, Uri address) =>
        ota.Installer().InstallAsync(new HttpBundleSource(Client, address, ota.Options.Download), CancellationToken.None);
}
