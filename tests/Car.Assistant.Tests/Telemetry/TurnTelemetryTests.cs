using System.Diagnostics;
using System.Diagnostics.Metrics;
using Car.Assistant.Telemetry;
using Car.Assistant.Tests.Dialogue;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Telemetry;

/// <summary>The turns' OpenTelemetry spans and metrics, read in-process as any exporter reads them.</summary>
public sealed class TurnTelemetryTests
{
    [Fact]
    public async Task Turn_StuffyWhenParked_TurnSpanWithParsePolicyActuateStagesThatTookTime()
    {
        using var harness = new ConversationHarness();
        var stopped = new List<Activity>();
        using var listener = Listen(stopped);
        using var test = new Activity("test").Start();

        var report = await harness.SayAsync("有点闷");
        test.Stop();

        List<Activity> spans;
        lock (stopped)
        {
            spans = [.. stopped.Where(a => a.TraceId == test.TraceId)];
        }

        var turn = Assert.Single(spans, s => s.OperationName == TurnStages.Turn);
        Assert.Equal(["parse", "policy", "actuate"], spans.Where(s => s.Parent == turn).OrderBy(s => s.StartTimeUtc).Select(s => s.OperationName));
        Assert.All(spans, s => Assert.True(s.Duration > TimeSpan.Zero, $"{s.OperationName} has no duration"));
        Assert.Equal(report.Reply, turn.GetTagItem("car.reply"));
        Assert.Equal("rules", spans.Single(s => s.OperationName == TurnStages.Parse).GetTagItem("car.parse.engine"));
        Assert.Contains("Window.Position=20 Confirmed", (string?)spans.Single(s => s.OperationName == TurnStages.Actuate).GetTagItem("car.actuate.results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_TrunkOnTheHighway_RefusalCountedAndTaggedOnThePolicySpan()
    {
        using var harness = new ConversationHarness(DrivingScenario.Highway);
        var meters = harness.Get<IMeterFactory>();
        var refusals = new List<(long Value, string? Intent)>();
        var stages = new List<string?>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name is "car.turn.refusals" or "car.turn.stage.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (refusals)
            {
                refusals.Add((value, Tag(tags, "intent")));
            }
        });
        meterListener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            lock (stages)
            {
                stages.Add(Tag(tags, "stage"));
            }
        });
        meterListener.Start();
        var stopped = new List<Activity>();
        using var listener = Listen(stopped);
        using var test = new Activity("test").Start();

        var report = await harness.SayAsync("打开后备箱");
        test.Stop();

        Assert.Single(report.Refused);
        Assert.Equal([(1L, "trunk.open")], refusals);
        Assert.Equal(["parse", "policy"], stages);
        Activity policy;
        lock (stopped)
        {
            policy = stopped.Single(a => a.TraceId == test.TraceId && a.OperationName == TurnStages.Policy);
        }

        Assert.StartsWith("trunk.open: 行驶中不能打开后备箱", (string?)policy.GetTagItem("car.policy.refused"), StringComparison.Ordinal);
    }

    private static ActivityListener Listen(List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TurnTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var (key, value) in tags)
        {
            if (key == name)
            {
                return value as string;
            }
        }

        return null;
    }
}
