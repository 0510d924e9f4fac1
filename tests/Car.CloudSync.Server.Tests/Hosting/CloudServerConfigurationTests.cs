using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server.Tests.Hosting;

public sealed class CloudServerConfigurationTests
{
    [Theory]
    [InlineData("--Storage:Provider=postgres", "Storage:Postgres:ConnectionString is empty")]
    [InlineData("--Maps:Provider=amap", "Maps:Amap:Key is empty")]
    [InlineData("--Maps:Provider=osm", "Maps:Provider must be 'sample' or 'amap'")]
    public void Create_InvalidConfiguration_SaysWhichKey(string argument, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => CloudServer.Create(["--urls", "http://127.0.0.1:0", argument]));

        Assert.Contains(expected, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }
}
