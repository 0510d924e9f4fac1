namespace Car.CloudSync.Server.Tests.Hosting;

/// <summary>The vehicles the test servers know, each with its token; every test takes its own so habits never mix.</summary>
public static class TestVehicles
{
    public static IReadOnlyList<string> All { get; } = [.. Enumerable.Range(1, 40).Select(i => $"car-{i:D2}")];

    public static string TokenOf(string vehicleId) => "token-of-" + vehicleId;

    public static string[] TokenArguments() => [.. All.Select(v => $"--Auth:VehicleTokens:{v}={TokenOf(v)}")];
}
