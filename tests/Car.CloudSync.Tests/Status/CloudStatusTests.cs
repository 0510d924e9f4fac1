using System.Diagnostics;
using Car.CloudSync.Connection;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Status;
using Car.CloudSync.Tests.Faults;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Tests.Status;

public sealed class CloudStatusTests : IClassFixture<CloudServerFixture>, IDisposable
{
    private readonly CloudServerFixture _cloud;
    private readonly TempDirectory _directory = new();
    private readonly string _vehicle = CloudServerFixture.NewVehicle();

    public CloudStatusTests(CloudServerFixture cloud)
    {
        _cloud = cloud;
        _cloud.HealLink();
    }

    public void Dispose()
    {
        _cloud.HealLink();
        _directory.Dispose();
    }

    [Fact]
    public async Task GetStatus_ServerUp_ReachableWithOutboxAndCacheAge()
    {
        var options = _cloud.Options(_vehicle, _directory.Path);
        using var connection = new CloudConnection(options);
        using var outbox = new Outbox(options);
        using var cache = new AnswerCache(options, TimeProvider.System);
        var occurred = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        outbox.Add("k1", occurred, [1]);
        outbox.Add("k2", occurred.AddMinutes(5), [1]);
        cache.Store(new CacheKey(_vehicle, "places", "food"), null, DateTimeOffset.UtcNow.AddMinutes(-10), [1]);
        var status = new CloudStatus(connection, outbox, cache, Options.Create(options), TimeProvider.System);

        var report = await status.GetStatusAsync();

        Assert.True(report.Reachable, report.Problem);
        Assert.Null(report.Problem);
        Assert.Equal(options.Endpoint, report.Endpoint);
        Assert.Equal(2, report.OutboxSize);
        Assert.Equal(occurred, report.OldestQueued);
        Assert.InRange(report.CacheAge!.Value, TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(11));
    }

    [Theory]
    [InlineData(ProxyMode.Refuse, "Cannot reach")]
    [InlineData(ProxyMode.Blackhole, "No answer")]
    public async Task GetStatus_ServerDownOrSilent_UnreachableWithinTheDeadline(ProxyMode mode, string problem)
    {
        var options = _cloud.Options(_vehicle, _directory.Path);
        using var connection = new CloudConnection(options);
        using var outbox = new Outbox(options);
        using var cache = new AnswerCache(options, TimeProvider.System);
        var status = new CloudStatus(connection, outbox, cache, Options.Create(options), TimeProvider.System);
        _cloud.Proxy.Mode = mode;
        _cloud.Proxy.CutAll();

        var clock = Stopwatch.StartNew();
        var report = await status.GetStatusAsync();

        Assert.False(report.Reachable);
        Assert.StartsWith(problem, report.Problem, StringComparison.Ordinal);
        Assert.Null(report.CacheAge);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, options.CallDeadline + CloudServerFixture.LoadedMachineSlack);
    }

    [Fact]
    public async Task GetStatus_WrongToken_SaysTheTokenWasRefused()
    {
        var options = _cloud.Options(_vehicle, _directory.Path);
        options.Token = "wrong";
        using var connection = new CloudConnection(options);
        using var outbox = new Outbox(options);
        using var cache = new AnswerCache(options, TimeProvider.System);
        var status = new CloudStatus(connection, outbox, cache, Options.Create(options), TimeProvider.System);

        var report = await status.GetStatusAsync();

        Assert.False(report.Reachable);
        Assert.Contains("token", report.Problem, StringComparison.Ordinal);
    }
}
