using System.Diagnostics;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Tests.Storage;
using Grpc.Net.Client;

namespace Car.CloudSync.Server.Tests.Hosting;

/// <summary>The server as the README runs it: its own process, its own port.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task ServerProcess_StartedFromItsDll_AnswersOverH2c()
    {
        using var directory = new TempDirectory("carcloud-process-");
        var port = PostgresCluster.FreePort();
        using var process = Start(ServerDll(), "--urls", $"http://127.0.0.1:{port}", $"--Storage:Sqlite:Path={Path.Combine(directory.Path, "cloud.db")}");
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new Contract.V1.Recommendations.RecommendationsClient(channel);
            var request = new RecommendPlacesRequest
            {
                Vehicle = new VehicleContext { VehicleId = "any-car", Position = new GeoPoint { Latitude = 30.2741, Longitude = 120.1551 }, LocalTime = Moments.Monday(10) },
                Category = "gas_station",
            };

            RecommendPlacesReply? reply = null;
            for (var attempt = 0; reply is null; attempt++)
            {
                try
                {
                    reply = await client.RecommendPlacesAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                }
                catch (Grpc.Core.RpcException) when (attempt < 100 && !process.HasExited)
                {
                    await Task.Delay(100);
                }
            }

            Assert.NotEmpty(reply.Places);
            Assert.All(reply.Places, p => Assert.Equal("gas_station", p.Category));
            Assert.True(reply.Metadata.SampleData);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task ServerProcess_InvalidConfiguration_OneLineAndNonZeroExit()
    {
        using var process = Start(ServerDll(), "--Storage:Provider=oracle");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal("carcloud: invalid configuration: Storage:Provider must be 'sqlite' or 'postgres'.", error.Trim());
    }

    /// <summary>The server project's own build output, beside this assembly's (same configuration).</summary>
    internal static string ServerDll()
    {
        var testDirectory = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(testDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CloudSync", "Server", "bin", configuration, "net10.0", "Car.CloudSync.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(testDirectory, "Car.CloudSync.Server.dll");
    }

    private static Process Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
