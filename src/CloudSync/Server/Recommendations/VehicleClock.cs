using Car.CloudSync.Contract.V1;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>The car's local time (08:30 on a weekday) from its own clock, or the server's in China time when it sent none.</summary>
internal static class VehicleClock
{
    private static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset LocalTimeOf(LocalTime? local, TimeProvider time)
    {
        if (local?.Instant is null)
        {
            return time.GetUtcNow().ToOffset(DefaultOffset);
        }

        var offset = TimeSpan.FromMinutes(Math.Clamp(local.UtcOffsetMinutes, -14 * 60, 14 * 60));
        return local.Instant.ToDateTimeOffset().ToOffset(offset);
    }
}
