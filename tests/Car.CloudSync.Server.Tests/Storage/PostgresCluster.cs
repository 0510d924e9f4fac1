using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Car.CloudSync.Server.Tests.Hosting;
using Npgsql;

namespace Car.CloudSync.Server.Tests.Storage;

/// <summary>
/// A private PostgreSQL cluster in a temp dir on a free loopback port, for the whole collection. PostgreSQL refuses
/// to run as root, so as root initdb and pg_ctl run as the <c>postgres</c> user. Without the binaries
/// (/usr/lib/postgresql/*/bin) <see cref="SkipReason"/> says so and the tests return early.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string? _directory;
    private string _binaries = "";
    private readonly Dictionary<string, Task<CloudServerHandle>> _servers = [];
    private int _databases;

    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderDescending().FirstOrDefault() ?? ""
            : "";
        if (_binaries.Length == 0)
        {
            SkipReason = "PostgreSQL tests skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin (apt-get install postgresql).";
            return;
        }

        _directory = Directory.CreateTempSubdirectory("carcloud-pg-").FullName;
        var data = Path.Combine(_directory, "data");
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _directory]);
        }

        Port = FreePort();
        await PgAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await PgAsync("pg_ctl",
        [
            "-D", data, "-w", "-t", "30", "-l", Path.Combine(_directory, "server.log"),
            "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        ]);
    }

    /// <summary>A new, empty database on the cluster.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"carcloud_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=64";

    /// <summary>A server on its own database, started once per name for the collection.</summary>
    public Task<CloudServerHandle> ServerAsync(string name)
    {
        lock (_servers)
        {
            if (!_servers.TryGetValue(name, out var server))
            {
                server = StartServerAsync();
                _servers[name] = server;
            }

            return server;
        }
    }

    /// <summary>A server on the given database (a replica when another server uses it too), stopped with the cluster.</summary>
    public Task<CloudServerHandle> ReplicaAsync(string name, string connectionString)
    {
        lock (_servers)
        {
            if (!_servers.TryGetValue(name, out var server))
            {
                server = CloudServerHandle.StartAsync(
                    ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={connectionString}", .. TestVehicles.TokenArguments()]);
                _servers[name] = server;
            }

            return server;
        }
    }

    private async Task<CloudServerHandle> StartServerAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        return await CloudServerHandle.StartAsync(
            ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={connectionString}", .. TestVehicles.TokenArguments()]);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            if (server.IsCompletedSuccessfully)
            {
                await server.Result.DisposeAsync();
            }
        }

        if (_directory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            TempDirectory.Delete(_directory);
        }
    }

    private Task PgAsync(string tool, string[] args)
    {
        var path = Path.Combine(_binaries, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args])
            : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
