using Car.CloudSync.Contract.V1;
using Google.Protobuf.WellKnownTypes;

namespace Car.CloudSync.Server.Tests.Hosting;

/// <summary>The car's local time in China (UTC+8) on named days of the week of 16–22 November 2026.</summary>
public static class Moments
{
    public static LocalTime Monday(int hour, int minute = 0) => At(16, hour, minute);

    public static LocalTime Wednesday(int hour, int minute = 0) => At(18, hour, minute);

    public static LocalTime Saturday(int hour, int minute = 0) => At(21, hour, minute);

    /// <summary>A day of that week (16 = Monday … 22 = Sunday).</summary>
    public static LocalTime At(int day, int hour, int minute = 0) => new()
    {
        Instant = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8))),
        UtcOffsetMinutes = 480,
    };
}
