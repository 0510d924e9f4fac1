using Car.CloudSync.Contract.V1;
using Car.CloudSync.Recommendations;

namespace Car.CloudSync.Events;

/// <summary>From the car's event records to the contract's <see cref="VehicleEvent"/>.</summary>
internal static class EventMapping
{
    public static VehicleEvent ToContract(ReportedEvent reportedEvent)
    {
        var contract = new VehicleEvent
        {
            IdempotencyKey = reportedEvent.IdempotencyKey,
            OccurredAt = ContractMapping.Time(reportedEvent.OccurredAt),
        };
        switch (reportedEvent)
        {
            case TripTakenEvent trip:
                contract.Trip = new TripTaken
                {
                    PlaceId = trip.PlaceId ?? "",
                    DestinationName = trip.DestinationName,
                    Category = trip.Category ?? "",
                    Cuisine = trip.Cuisine ?? "",
                    PriceLevel = trip.PriceLevel,
                    Label = trip.Label ?? "",
                };
                if (trip.Destination is not null)
                {
                    contract.Trip.Destination = ContractMapping.Point(trip.Destination);
                }

                if (trip.Origin is not null)
                {
                    contract.Trip.Origin = ContractMapping.Point(trip.Origin);
                }

                break;
            case RecommendationOfferedEvent offered:
                contract.Offered = new RecommendationOffered
                {
                    RequestId = offered.RequestId,
                    Category = offered.Category ?? "",
                    Words = offered.Words ?? "",
                };
                contract.Offered.PlaceIds.AddRange(offered.PlaceIds);
                break;
            case RecommendationChosenEvent chosen:
                contract.Chosen = new RecommendationChosen
                {
                    RequestId = chosen.RequestId,
                    PlaceId = chosen.PlaceId,
                    Rank = chosen.Rank,
                };
                break;
            case BundleUpdateEvent update:
                contract.BundleUpdate = new BundleUpdateRecorded
                {
                    Action = update.Action,
                    Bundle = update.Bundle,
                    FromVersion = update.FromVersion,
                    ToVersion = update.ToVersion,
                    Slot = update.Slot,
                    Result = update.Result,
                    Message = update.Message,
                };
                break;
            default:
                throw new ArgumentException($"The contract has no event like {reportedEvent.GetType().Name}.", nameof(reportedEvent));
        }

        return contract;
    }
}
