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

    [Fact]
    public async Task Create_OperatorsSettingsFile_IsReadAndTheCommandLineStillWins()
    {
        using var root = new TempDirectory("carcloud-settings-");
        File.WriteAllText(Path.Combine(root.Path, "carcloud.json"), """{ "Maps": { "Provider": "osm" } }""");
        // A car's appsettings.json in the same folder (as in a test or benchmark output) is not the server's.
        File.WriteAllText(Path.Combine(root.Path, "appsettings.json"), """{ "Storage": { "Provider": "postgres" } }""");

        var fromFile = Assert.Throws<OptionsValidationException>(
            () => CloudServer.Create(["--urls", "http://127.0.0.1:0", "--contentRoot", root.Path]));
        Assert.Contains("Maps:Provider must be 'sample' or 'amap'", string.Join(" ", fromFile.Failures), StringComparison.Ordinal);

        var dbPath = Path.Combine(root.Path, "cloud.db");
        // Built without an error: the postgres provider of appsettings.json (which has no connection string) was not read.
        await using var app = CloudServer.Create(["--urls", "http://127.0.0.1:0", "--contentRoot", root.Path, "--Maps:Provider=sample", $"--Storage:Sqlite:Path={dbPath}"]);
        Assert.Equal("sample", app.Configuration["Maps:Provider"]);
        Assert.Null(app.Configuration["Storage:Provider"]);
    }
}
