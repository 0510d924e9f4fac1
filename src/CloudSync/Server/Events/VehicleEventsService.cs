using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Habits;
using Car.CloudSync.Server.Maps;
using Car.CloudSync.Server.Recommendations;
using Car.CloudSync.Server.Storage;
using Google.Protobuf;
using Grpc.Core;

namespace Car.CloudSync.Server.Events;

/// <summary>car.cloud.v1.VehicleEvents: each event stored once per (vehicle, idempotency key); every key answered.</summary>
internal sealed partial class VehicleEventsService(IMapProvider map, ICloudStore store, TimeProvider time, ILogger<VehicleEventsService> logger)
    : Contract.V1.VehicleEvents.VehicleEventsBase
{
    private const int MaxEventsPerCall = 500;
    private const int MaxKeyLength = 200;

    public override async Task<ReportEventsReply> ReportEvents(ReportEventsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (request.Events.Count > MaxEventsPerCall)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, $"At most {MaxEventsPerCall} events per call."));
        }

        var stored = new List<StoredEvent>(request.Events.Count);
        foreach (var e in request.Events)
        {
            if (string.IsNullOrWhiteSpace(e.IdempotencyKey) || e.IdempotencyKey.Length > MaxKeyLength)
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "Every event needs an idempotency_key (1–200 characters)."));
            }

            var localTime = VehicleClock.LocalTimeOf(e.OccurredAt, time);
            HabitPlace? chosen = null;
            if (e.KindCase == VehicleEvent.KindOneofCase.Chosen && !string.IsNullOrEmpty(e.Chosen.PlaceId)
                && await map.FindByIdAsync(e.Chosen.PlaceId, cancellationToken).ConfigureAwait(false) is { } place)
            {
                chosen = new HabitPlace(place.Id, place.Name, place.Position.Latitude, place.Position.Longitude, place.Category, place.Cuisine, place.PriceLevel);
            }

            stored.Add(new StoredEvent(
                e.IdempotencyKey, KindName(e.KindCase), localTime, e.ToByteArray(), HabitLearner.Learn(e, localTime, chosen)));
        }

        var result = await store.AppendEventsAsync(request.VehicleId, stored, cancellationToken).ConfigureAwait(false);
        Log.EventsReported(logger, request.VehicleId, result.Accepted.Count, result.Duplicates.Count);
        var reply = new ReportEventsReply();
        reply.AcceptedKeys.AddRange(result.Accepted);
        reply.DuplicateKeys.AddRange(result.Duplicates);
        return reply;
    }

    private static string KindName(VehicleEvent.KindOneofCase kind) => kind switch
    {
        VehicleEvent.KindOneofCase.Trip => "trip",
        VehicleEvent.KindOneofCase.Offered => "offered",
        VehicleEvent.KindOneofCase.Chosen => "chosen",
        VehicleEvent.KindOneofCase.BundleUpdate => "bundle-update",
        _ => "unknown",
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Vehicle {VehicleId}: {Accepted} event(s) stored, {Duplicates} duplicate(s).")]
        public static partial void EventsReported(ILogger logger, string vehicleId, int accepted, int duplicates);
    }
}
