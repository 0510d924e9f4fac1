using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Habits;
using Car.CloudSync.Server.Maps;
using Car.CloudSync.Server.Storage;
using Grpc.Core;
using Route = Car.CloudSync.Contract.V1.Route;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>car.cloud.v1.Recommendations: places, routes and trips, ranked for this owner.</summary>
internal sealed class RecommendationsService(
    IMapProvider map, ICloudStore store, AnswerStamp stamp, DestinationResolver destinations, TripPlanner trips, TimeProvider time)
    : Contract.V1.Recommendations.RecommendationsBase
{
    private const int DefaultResults = 5;
    private const int MaxResults = 20;
    private const double NearRadiusMeters = 5_000;
    private const double WideRadiusMeters = 50_000;

    public override async Task<RecommendPlacesReply> RecommendPlaces(RecommendPlacesRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var vehicle = request.Vehicle;
        var position = PlaceMessages.ToCoordinate(vehicle.Position);
        var localTime = VehicleClock.LocalTimeOf(vehicle.LocalTime, time);
        var count = request.MaxResults <= 0 ? DefaultResults : Math.Min(request.MaxResults, MaxResults);
        var offset = Math.Clamp(request.Offset, 0, 200);
        var words = PlaceWords.Read(request.Category, request.Words);

        var habitsTask = store.ReadHabitsAsync(vehicle.VehicleId, cancellationToken);
        var wanted = Math.Max(60, (offset + count) * 4);
        var candidates = await map.SearchAsync(
            new PlaceSearch(position, words.Category, words.Cuisine, words.NameText, NearRadiusMeters, wanted), cancellationToken).ConfigureAwait(false);
        if (candidates.Count < offset + count)
        {
            candidates = await map.SearchAsync(
                new PlaceSearch(position, words.Category, words.Cuisine, words.NameText, WideRadiusMeters, wanted), cancellationToken).ConfigureAwait(false);
        }

        if (candidates.Count == 0 && words.NameText is not null && (words.Category is not null || words.Cuisine is not null))
        {
            // The leftover words named nothing; the kind of place still says what is wanted.
            candidates = await map.SearchAsync(
                new PlaceSearch(position, words.Category, words.Cuisine, null, WideRadiusMeters, wanted), cancellationToken).ConfigureAwait(false);
        }

        var habits = new HabitProfile(await habitsTask.ConfigureAwait(false));
        var reply = new RecommendPlacesReply { Metadata = stamp.Next() };
        reply.Places.AddRange(PlaceRanker.Rank(candidates, position, localTime, habits).Skip(offset).Take(count).Select(PlaceMessages.ToMessage));
        return reply;
    }

    public override async Task<PlanRouteReply> PlanRoute(PlanRouteRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var vehicle = request.Vehicle;
        var localTime = VehicleClock.LocalTimeOf(vehicle.LocalTime, time);
        var origin = PlaceMessages.ToCoordinate(request.Origin ?? vehicle.Position);
        var habits = new HabitProfile(await store.ReadHabitsAsync(vehicle.VehicleId, cancellationToken).ConfigureAwait(false));

        MapPlace? destination;
        string reason;
        switch (request.DestinationCase)
        {
            case PlanRouteRequest.DestinationOneofCase.PlaceId:
                destination = await map.FindByIdAsync(request.PlaceId, cancellationToken).ConfigureAwait(false);
                reason = destination?.Name ?? "";
                break;
            case PlanRouteRequest.DestinationOneofCase.DestinationText:
                (destination, reason) = await destinations.ResolveAsync(request.DestinationText, origin, localTime, habits, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "A destination (place_id or destination_text) is required."));
        }

        if (destination is null)
        {
            var asked = request.DestinationCase == PlanRouteRequest.DestinationOneofCase.PlaceId ? request.PlaceId : request.DestinationText;
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"No place found for '{asked}'."));
        }

        var routes = await map.PlanRoutesAsync(origin, destination.Position, request.Preference, localTime, cancellationToken).ConfigureAwait(false);
        var distance = destination.Position.DistanceTo(origin);
        var reply = new PlanRouteReply
        {
            Destination = PlaceMessages.ToMessage(new RankedPlace(destination, distance, destination.Hours.IsOpen(TimeOnly.FromTimeSpan(localTime.TimeOfDay)), 0, reason)),
            Metadata = stamp.Next(),
        };
        if (routes.Count > 0)
        {
            reply.Destination.EtaSeconds = routes[0].DurationSeconds;
        }

        foreach (var route in routes)
        {
            var message = new Route
            {
                Summary = route.Roads.Count == 0 ? "" : "经" + string.Join("、", route.Roads),
                DistanceMeters = route.DistanceMeters,
                DurationSeconds = route.DurationSeconds,
                Congestion = route.Congestion,
                UsesHighway = route.UsesHighway,
                HasTolls = route.HasTolls,
            };
            message.Path.AddRange(route.Path.Select(PlaceMessages.ToPoint));
            reply.Alternatives.Add(message);
        }

        return reply;
    }

    public override async Task<RecommendTripReply> RecommendTrip(RecommendTripRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var vehicle = request.Vehicle;
        var localTime = VehicleClock.LocalTimeOf(vehicle.LocalTime, time);
        var habits = new HabitProfile(await store.ReadHabitsAsync(vehicle.VehicleId, cancellationToken).ConfigureAwait(false));
        var count = request.MaxResults <= 0 ? 3 : Math.Min(request.MaxResults, 10);
        var reply = new RecommendTripReply { Metadata = stamp.Next() };
        reply.Trips.AddRange(await trips.PlanAsync(
            PlaceMessages.ToCoordinate(vehicle.Position), request.Theme, request.Days, count, localTime, habits, cancellationToken).ConfigureAwait(false));
        return reply;
    }
}
