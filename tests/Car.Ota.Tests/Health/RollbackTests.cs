using Car.Ota.Health;
using Car.Ota.Store;

namespace Car.Ota.Tests.Health;

public sealed class RollbackTests
{
    [Fact]
    public async Task Install_BundleFailingItsHealthCheck_RollsBackToThePreviousSlot()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        ota.HealthChecks.Add(new FailingCheck(version: 3));
        var active = new ActiveBundle(await ota.Store.ReadActiveAsync(CancellationToken.None));
        var published = new List<long>();
        active.Changed += (_, b) => published.Add(b.Version);

        var failed = await Assert.ThrowsAsync<BundleInstallException>(async () =>
            await ota.Installer().InstallAsync(new Car.Ota.Download.DirectoryBundleSource(await ota.PackAsync(3)), CancellationToken.None));

        Assert.Equal("Version 3 failed its health check (self-test: '打开车窗' parsed to nothing); rolled back to version 2 in slot A.", failed.Message);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
        var record = (await ota.Store.ReadRecordsAsync(CancellationToken.None))[^1];
        Assert.Equal(("health-check", 3L, 2L, "rolled-back"), (record.Action, record.FromVersion, record.ToVersion, record.Result));
    }

    [Fact]
    public async Task Boot_PendingBundleStartedMoreThanAllowed_RollsBackAsACrashLoop()
    {
        using var ota = new OtaHarness(configure: o => o.MaxBootAttempts = 3);
        await ota.InstallAsync(await ota.PackAsync(2));
        await ota.InstallAsync(await ota.PackAsync(3));
        var pointer = await ota.Store.ReadPointerAsync(CancellationToken.None);
        await ota.Store.WritePointerAsync(pointer with { Pending = true }, CancellationToken.None);
        var activation = ota.Activation();

        var starts = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            starts.Add((await activation.BootAsync(CancellationToken.None)).Version);
        }

        Assert.Equal([3L, 3L, 3L, 2L], starts);
        Assert.Equal((Slots.A, 2L, true), await ota.ActiveAsync());
        Assert.Equal("crash-loop", (await ota.Store.ReadRecordsAsync(CancellationToken.None))[^1].Action);
    }

    [Fact]
    public async Task Boot_PendingBundleThatPassesItsCheck_IsConfirmed()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));
        var pointer = await ota.Store.ReadPointerAsync(CancellationToken.None);
        await ota.Store.WritePointerAsync(pointer with { Pending = true }, CancellationToken.None);
        var activation = ota.Activation();

        await activation.BootAsync(CancellationToken.None);
        await activation.CheckAsync(0, CancellationToken.None);

        var confirmed = await ota.Store.ReadPointerAsync(CancellationToken.None);
        Assert.False(confirmed.Pending);
        Assert.Equal(0, confirmed.BootAttempts);
    }

    [Fact]
    public async Task RollBack_WithNoPreviousSlot_GoesToTheFactoryBundle()
    {
        using var ota = new OtaHarness();
        await ota.InstallAsync(await ota.PackAsync(2));

        var restored = await ota.Activation().RollBackAsync(CancellationToken.None);

        Assert.Equal(Slots.Factory, restored.Slot);
        Assert.Equal((Slots.Factory, 0L, true), await ota.ActiveAsync());
        var again = await Assert.ThrowsAsync<BundleInstallException>(() => ota.Activation().RollBackAsync(CancellationToken.None));
        Assert.Contains("nothing to roll back to", again.Message, StringComparison.Ordinal);
    }

    private sealed class FailingCheck(long version) : IBundleHealthCheck
    {
        public string Name => "self-test";

        public Task<string?> CheckAsync(InstalledBundle bundle, CancellationToken cancellationToken) =>
            Task.FromResult(bundle.Version == version ? "'打开车窗' parsed to nothing" : null);
    }
}
