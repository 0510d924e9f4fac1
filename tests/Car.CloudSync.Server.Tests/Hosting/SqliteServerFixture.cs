namespace Car.CloudSync.Server.Tests.Hosting;

/// <summary>One server on a fresh SQLite file, with tokens for the test vehicles.</summary>
public sealed class SqliteServerFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carcloud-sqlite-").FullName;

    public CloudServerHandle Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CloudServerHandle.StartAsync(
            [$"--Storage:Sqlite:Path={Path.Combine(_directory, "cloud.db")}", .. TestVehicles.TokenArguments()]);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        TempDirectory.Delete(_directory);
    }
}
