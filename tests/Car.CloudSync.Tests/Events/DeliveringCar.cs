using Car.CloudSync.Connection;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Car.CloudSync.Tests.Events;

/// <summary>The car's event side as the host wires it: outbox, reporter, delivery service on one connection.</summary>
internal sealed class DeliveringCar : IAsyncDisposable
{
    public DeliveringCar(CloudOptions options)
    {
        Connection = new CloudConnection(options);
        Outbox = new Outbox(options);
        Reporter = new OutboxEventReporter(Outbox);
        Delivery = new OutboxDelivery(Outbox, Connection, options, TimeProvider.System, NullLogger<OutboxDelivery>.Instance);
    }

    public CloudConnection Connection { get; }

    public Outbox Outbox { get; }

    public OutboxEventReporter Reporter { get; }

    public OutboxDelivery Delivery { get; }

    public int Queued => Outbox.Measure().Count;

    public Task StartAsync() => Delivery.StartAsync(CancellationToken.None);

    /// <summary>Reports the events one by one, as the car does when they happen.</summary>
    public async Task ReportAllAsync(IEnumerable<ReportedEvent> events)
    {
        foreach (var reported in events)
        {
            await Reporter.ReportAsync(reported);
        }
    }

    /// <summary>
    /// Sends the events straight to the server again: every key must come back as a duplicate (the server has each),
    /// none as accepted (it had not lost any).
    /// </summary>
    public async Task<ReportEventsReply> ReportAgainAsync(IEnumerable<ReportedEvent> events)
    {
        var request = new ReportEventsRequest { VehicleId = Connection.VehicleId };
        request.Events.AddRange(events.Select(EventMapping.ToContract));
        return await Connection.Events.ReportEventsAsync(request, Connection.CallOptions(DateTime.UtcNow.AddSeconds(10), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await Delivery.StopAsync(CancellationToken.None);
        Delivery.Dispose();
        Outbox.Dispose();
        Connection.Dispose();
    }
}
