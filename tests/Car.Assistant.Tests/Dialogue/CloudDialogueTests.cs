using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Car.CloudSync.Server;
using Car.Language;
using Car.VehicleBus.Signals;
using Microsoft.AspNetCore.Builder;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>The assistant with the reference cloud server on loopback: what the driver hears, and what the cloud learns.</summary>
public class CloudDialogueTests : IClassFixture<CloudForCars>
{
    private readonly CloudForCars _cloud;

    public CloudDialogueTests(CloudForCars cloud) => _cloud = cloud;

    [Fact]
    public async Task Hungry_ThreePlacesReadWithReasons_SecondSetsTheNavigationTargetAndTheCloudHearsOfItOnce()
    {
        var car = _cloud.NewCar();
        using var harness = new ConversationHarness(settings: car);
        await harness.StartBackgroundAsync();

        var offer = await harness.SayAsync("我饿了");
        var pick = await harness.SayAsync("第二个");

        Assert.Equal("要去第几个？", offer.Ask);
        Assert.Contains("1. ", offer.Reply, StringComparison.Ordinal);
        Assert.Contains("3. ", offer.Reply, StringComparison.Ordinal);
        Assert.Contains("距离", offer.Reply, StringComparison.Ordinal);
        var second = harness.Conversation.State.Offer!.Places[1];
        Assert.Contains($"2. {second.Name}（", offer.Reply, StringComparison.Ordinal);
        Assert.Equal(IntentNames.NavGo, Assert.Single(pick.Intents).Name);
        Assert.Equal(second.Name, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.Equal(second.Position.Latitude, await harness.NumberAsync(VssPaths.NavigationDestinationLatitude), 6);
        Assert.StartsWith($"开始导航去{second.Name}，", pick.Reply, StringComparison.Ordinal);

        // Offered, chosen, trip taken: three events, each stored once however often the outbox retries.
        await Eventually(async () => await _cloud.Store.CountEventsAsync(car["Cloud:VehicleId"]!, default) == 3);
        await Task.Delay(300);
        Assert.Equal(3, await _cloud.Store.CountEventsAsync(car["Cloud:VehicleId"]!, default));
    }

    [Fact]
    public async Task OtherChoices_ReadsTheNextThreePlaces()
    {
        using var harness = new ConversationHarness(settings: _cloud.NewCar());

        await harness.SayAsync("附近有什么好吃的");
        var first = harness.Conversation.State.Offer!.Places.Select(p => p.Id).ToList();
        var more = await harness.SayAsync("换一批");
        var next = harness.Conversation.State.Offer!.Places.Select(p => p.Id).ToList();

        Assert.Equal("要去第几个？", more.Ask);
        Assert.Equal(3, next.Count);
        Assert.Empty(first.Intersect(next));
    }

    [Fact]
    public async Task GoToWork_AfterWeekdayMorningTrips_TheCloudKnowsWhereWorkIs()
    {
        var car = _cloud.NewCar();
        using var harness = new ConversationHarness(settings: car);
        await harness.StartBackgroundAsync();
        var recommender = harness.Get<IPlaceRecommender>();
        var park = (await recommender.PlanRouteAsync(
            new RouteQuery(null, "云谷科技园", RoutePreference.Default, null, DateTimeOffset.Now))).Destination;
        var reporter = harness.Get<IVehicleEventReporter>();
        var monday = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.FromHours(8));
        for (var week = 0; week < 3; week++)
        {
            await reporter.ReportAsync(new TripTakenEvent(
                ReportedEvent.NewKey(), monday.AddDays(7 * week), park.Name, park.Id, park.Position, park.Category));
        }

        await Eventually(async () => await _cloud.Store.CountEventsAsync(car["Cloud:VehicleId"]!, default) == 3);
        var report = await harness.SayAsync("导航去公司");

        Assert.Equal(park.Name, (await harness.Car.GetAsync(VssPaths.NavigationDestination)).AsString());
        Assert.StartsWith($"开始导航去公司（{park.Name}），", report.Reply, StringComparison.Ordinal);
        Assert.Contains("分钟", report.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hungry_NoServerListening_HonestOfflineAnswerAtOnceAndNoAction()
    {
        using var harness = new ConversationHarness(settings: _cloud.NewCar(new Uri($"http://127.0.0.1:{ClosedPort()}")));

        var clock = Stopwatch.StartNew();
        var report = await harness.SayAsync("我饿了");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        Assert.Contains("离线", report.Reply, StringComparison.Ordinal);
        Assert.Equal(IntentNames.PoiSearch, Assert.Single(report.Refused).Intent);
        Assert.Empty(report.Actions);
    }

    [Fact]
    public async Task Hungry_ServerGoneAfterAnAnswer_TheRememberedAnswerIsReadSayingItIsOffline()
    {
        var directory = Directory.CreateTempSubdirectory("car-cloud-gone-").FullName;
        var server = CloudServer.Create(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Storage:Sqlite:Path={Path.Combine(directory, "cloud.db")}"]);
        await server.StartAsync();
        using var harness = new ConversationHarness(settings: _cloud.NewCar(new Uri(server.Urls.First())));
        try
        {
            var online = await harness.SayAsync("我饿了");
            await server.StopAsync();
            await server.DisposeAsync();

            var offline = await harness.SayAsync("我饿了");

            Assert.DoesNotContain("离线", online.Reply, StringComparison.Ordinal);
            Assert.StartsWith("当前离线，以下是刚才的推荐：为您找到：1. ", offline.Reply, StringComparison.Ordinal);
            Assert.Equal("要去第几个？", offline.Ask);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "The condition did not hold within 15 s.");
            await Task.Delay(50);
        }
    }
}
