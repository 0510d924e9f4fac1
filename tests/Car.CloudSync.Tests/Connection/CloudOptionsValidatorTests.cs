using Car.CloudSync.Connection;

namespace Car.CloudSync.Tests.Connection;

public sealed class CloudOptionsValidatorTests
{
    private static readonly CloudOptionsValidator Validator = new();

    [Fact]
    public void Validate_NoEndpoint_Succeeds()
    {
        Assert.True(Validator.Validate(null, new CloudOptions()).Succeeded);
    }

    [Fact]
    public void Validate_LoopbackHttpWithVehicleAndToken_Succeeds()
    {
        var options = new CloudOptions { Endpoint = new Uri("http://127.0.0.1:5000"), VehicleId = "car-1", Token = "t" };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PlainHttpToRemoteHost_FailsNamingTls()
    {
        var options = new CloudOptions { Endpoint = new Uri("http://cloud.example.com"), VehicleId = "car-1", Token = "t" };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("TLS", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithoutVehicleOrToken_FailsForBoth()
    {
        var result = Validator.Validate(null, new CloudOptions { Endpoint = new Uri("https://cloud.example.com") });

        Assert.Contains("VehicleId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroDeadline_Fails()
    {
        Assert.True(Validator.Validate(null, new CloudOptions { CallDeadline = TimeSpan.Zero }).Failed);
    }

    [Fact]
    public void Defaults_DeadlineLeavesRoomInTheAssistantsBudget()
    {
        Assert.True(new CloudOptions().CallDeadline + TimeSpan.FromMilliseconds(100) < TimeSpan.FromSeconds(1.5));
    }
}
