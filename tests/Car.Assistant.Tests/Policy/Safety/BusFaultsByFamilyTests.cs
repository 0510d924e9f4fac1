using System.Collections.Concurrent;
using Car.Assistant.Dialogue;
using Car.Assistant.Policy;
using Car.Assistant.Tests.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Tests.Policy.Safety;

/// <summary>
/// Every rule family that moves something, through a bus that fails in each way a real one does: the reply says what
/// the car really did (never the healthy bus's "已为您…" when it did not happen) and 取消 is still heard afterwards.
/// Bus calls time out after 200 ms and confirmations after 300 ms here (2 s and 5 s in the car).
/// </summary>
public sealed class BusFaultsByFamilyTests
{
    public enum Fault
    {
        Exception,
        Hang,
        Rejection,
        Stuck,
        Partial,
        LateEvents,
        DuplicateEvents,
    }

    private const double PartialFraction = 0.4;

    private static readonly ConcurrentDictionary<string, Lazy<Task<Healthy>>> HealthyTurns = new(StringComparer.Ordinal);

    /// <summary>A family, what puts the car where the request changes something, and the request.</summary>
    private static readonly (string Family, string? Before, string Request)[] Families =
    [
        ("window", null, "打开主驾车窗"),
        ("sunroof", null, "打开天窗"),
        ("sunshade", null, "关闭遮阳帘"),
        ("climate", null, "空调调到二十五度"),
        ("seat", null, "打开座椅加热"),
        ("lights", null, "打开阅读灯"),
        ("wiper", null, "打开雨刷"),
        ("door unlock", null, "解锁车门"),
        ("door lock", "解锁车门", "锁上车门"),
        ("trunk", null, "打开后备箱"),
        ("media volume", null, "音量调到十"),
        ("screen", null, "屏幕亮度调到三十"),
    ];

    public static TheoryData<string, Fault> Cases()
    {
        var cases = new TheoryData<string, Fault>();
        foreach (var (family, _, _) in Families)
        {
            foreach (var fault in Enum.GetValues<Fault>())
            {
                cases.Add(family, fault);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BusFault_ReplyTellsTheTruthAndCancelIsStillHeard(string family, Fault fault)
    {
        var (_, before, request) = Families.Single(f => f.Family == family);
        var healthy = await HealthyTurns.GetOrAdd(family, _ => new(() => HealthyAsync(before, request))).Value;
        using var harness = Faulty(out var bus);
        if (before is not null)
        {
            await harness.SayAsync(before);
        }

        Inject(bus, fault, healthy.Sent);
        var report = await harness.SayAsync(request).WaitAsync(TimeSpan.FromSeconds(10));
        var cancel = await harness.SayAsync("取消").WaitAsync(TimeSpan.FromSeconds(10));

        var reached = await ReachedAsync(harness, healthy.Targets);
        var claimsSuccess = report.Reply.Contains(healthy.Reply, StringComparison.Ordinal);
        switch (fault)
        {
            case Fault.Exception or Fault.Hang:
                Assert.False(claimsSuccess, report.Reply);
                Assert.Contains("没有响应", report.Reply, StringComparison.Ordinal);
                Assert.All(report.Actions, a => Assert.Equal(ActionStatus.Failed, a.Status));
                break;
            case Fault.Rejection:
                Assert.False(claimsSuccess, report.Reply);
                Assert.Contains("车辆拒绝了", report.Reply, StringComparison.Ordinal);
                Assert.All(report.Actions, a => Assert.Equal(ActionStatus.Rejected, a.Status));
                break;
            case Fault.Stuck or Fault.Partial:
                Assert.False(claimsSuccess, report.Reply);
                Assert.False(reached, "the faulty bus let the car reach its target");
                // The reply says what the car did instead: stopped short, did not move, or not there yet.
                Assert.Matches("还没有确认到位|只开到了|没有完全关上|没有打开|没有关上|没有关闭|没有锁上|没有解锁|没有动|没有变化", report.Reply);
                Assert.All(report.Actions, a => Assert.Contains(a.Status, new[] { ActionStatus.NotReached, ActionStatus.PartlyDone, ActionStatus.NotDone }));
                break;
            default:
                // Late or repeated events change nothing the car does: a success the reply claims must be real.
                Assert.True(!claimsSuccess || reached, $"claims success but the car is not there: {report.Reply}");
                Assert.True(reached);
                break;
        }

        Assert.Equal(Conversation.Cancelled, cancel.Reply);
        Assert.Empty(cancel.Actions);
    }

    private static void Inject(FaultyBus bus, Fault fault, IEnumerable<string> signals)
    {
        foreach (var signal in signals)
        {
            switch (fault)
            {
                case Fault.Exception:
                    bus.Failures[signal] = new InvalidOperationException("CAN bus off");
                    break;
                case Fault.Hang:
                    bus.Hangs[signal] = true;
                    break;
                case Fault.Rejection:
                    bus.Failures[signal] = new VehicleBusException(VehicleBusError.OutOfRange, signal, "module busy");
                    break;
                case Fault.Stuck:
                    bus.Stuck[signal] = true;
                    break;
                case Fault.Partial:
                    bus.Partial[signal] = PartialFraction;
                    break;
                case Fault.LateEvents:
                    bus.LateEventsBy = TimeSpan.FromMilliseconds(120);
                    break;
                default:
                    bus.DuplicateEventsAfter = TimeSpan.FromMilliseconds(30);
                    break;
            }
        }
    }

    /// <summary>The same request on a healthy bus: what it sends, what that changes (to which values) and the success reply.</summary>
    private static async Task<Healthy> HealthyAsync(string? before, string request)
    {
        using var harness = Faulty(out _);
        if (before is not null)
        {
            await harness.SayAsync(before);
        }

        var starts = new Dictionary<string, SignalValue>(StringComparer.Ordinal);
        foreach (var signal in harness.Car.Catalog.Signals.Select(s => s.Path))
        {
            starts[signal] = await harness.Car.GetAsync(signal);
        }

        var report = await harness.SayAsync(request);
        var targets = report.Actions.Where(a => a.Status == ActionStatus.Confirmed && starts[a.Signal] != a.Value)
            .ToDictionary(a => a.Signal, a => a.Value, StringComparer.Ordinal);
        Assert.True(targets.Count > 0, $"'{request}' moves nothing on a healthy bus: {report.Reply}");
        Assert.All(report.Actions, a => Assert.Equal(ActionStatus.Confirmed, a.Status));
        return new Healthy([.. report.Actions.Select(a => a.Signal).Distinct()], targets, report.Reply);
    }

    private static async Task<bool> ReachedAsync(ConversationHarness harness, IReadOnlyDictionary<string, SignalValue> targets)
    {
        foreach (var (signal, target) in targets)
        {
            if (await harness.Car.GetAsync(signal) != target)
            {
                return false;
            }
        }

        return true;
    }

    private static ConversationHarness Faulty(out FaultyBus bus)
    {
        var harness = new ConversationHarness(
            DrivingScenario.Parked,
            services => services.AddSingleton<IVehicleBus>(sp => new FaultyBus(sp.GetRequiredService<VehicleSimulator>())),
            new Dictionary<string, string?> { ["Actions:BusCallTimeout"] = "00:00:00.200", ["Actions:ConfirmationTimeout"] = "00:00:00.300" });
        bus = (FaultyBus)harness.Get<IVehicleBus>();
        return harness;
    }

    private sealed record Healthy(IReadOnlyList<string> Sent, IReadOnlyDictionary<string, SignalValue> Targets, string Reply);
}
