using Car.CloudSync.Recommendations;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Dialogue;

/// <summary>Where the car is, as the cloud needs it, read from the bus's current location.</summary>
public static class CarPosition
{
    /// <summary>The position, or null when the bus has no location (no such signals, or still 0/0).</summary>
    public static GeoPosition? From(VehicleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.Paths.Contains(VssPaths.Latitude) || !snapshot.Paths.Contains(VssPaths.Longitude))
        {
            return null;
        }

        var latitude = snapshot.Number(VssPaths.Latitude);
        var longitude = snapshot.Number(VssPaths.Longitude);
        if (latitude == 0 && longitude == 0)
        {
            return null;
        }

        double? heading = snapshot.Paths.Contains(VssPaths.Heading) ? snapshot.Number(VssPaths.Heading) : null;
        return new GeoPosition(latitude, longitude, heading);
    }
}
