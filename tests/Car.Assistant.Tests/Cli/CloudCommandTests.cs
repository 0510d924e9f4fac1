using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Car.Assistant.Tests.Dialogue;
using Car.CloudSync.Server;
using Car.CloudSync.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Car.Testing;

namespace Car.Assistant.Tests.Cli;

/// <summary>The real <c>car</c> against the reference cloud server on loopback, as a developer or a fleet operator runs it.</summary>
public class CloudCommandTests : IClassFixture<CloudForCars>
{
    private readonly CloudForCars _cloud;

    public CloudCommandTests(CloudForCars cloud) => _cloud = cloud;

    [Fact]
    public async Task Say_HungryThenSecond_ThreePlacesThenTheSecondIsTheNavigationTarget()
    {
        var car = _cloud.NewCar();

        var (exitCode, output, errors) = await CarProcess.RunAsync(
            [], ["say", "--json", "--cloud", _cloud.Endpoint.ToString(), .. Settings(car, except: "Cloud:Endpoint"), "我饿了", "第二个"]);

        Assert.True(exitCode == 0, errors);
        var turns = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("要去第几个？", turns[0].GetProperty("ask").GetString());
        var reply = turns[0].GetProperty("reply").GetString()!;
        var second = reply[(reply.IndexOf("2. ", StringComparison.Ordinal) + 3)..reply.IndexOf('（', reply.IndexOf("2. ", StringComparison.Ordinal))];
        var action = turns[1].GetProperty("actions").EnumerateArray().First();
        Assert.Equal("Vehicle.Cabin.Infotainment.Navigation.DestinationName", action.GetProperty("signal").GetString());
        Assert.Equal(second, action.GetProperty("value").GetString());
        Assert.True(action.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task CloudStatus_ServerUp_ReachableWithAnEmptyOutboxExit0()
    {
        var (exitCode, output, errors) = await CarProcess.RunAsync(
            [], ["cloud", "status", "--cloud", _cloud.Endpoint.ToString(), .. Settings(_cloud.NewCar(), except: "Cloud:Endpoint")]);

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"endpoint:  {_cloud.Endpoint}", output, StringComparison.Ordinal);
        Assert.Contains("reachable: yes", output, StringComparison.Ordinal);
        Assert.Contains("outbox:    0 event(s) queued", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudStatus_NoServer_SaysWhyExit1()
    {
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");

        var (exitCode, output, _) = await CarProcess.RunAsync([], ["cloud", "status", "--json", .. Settings(_cloud.NewCar(endpoint))]);

        Assert.Equal(1, exitCode);
        var status = JsonDocument.Parse(output).RootElement;
        Assert.False(status.GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task Cloud_NotAnAddress_OneLineExit1()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "cloud", "status", "--cloud", "cloud.example");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--cloud takes an http:// or https:// address, not 'cloud.example'.", errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// Trips taken while the server is down wait in the outbox; the car is killed (SIGKILL) with them queued; once the
    /// server is up, the restarted car delivers each of them, and each is stored exactly once.
    /// </summary>
    [Fact]
    public async Task Outbox_CarKilledWithTripsQueued_RestartedCarDeliversEachOnce()
    {
        var port = LoopbackPort.Free();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        var car = _cloud.NewCar(endpoint);
        using (var first = StartSession(car))
        {
            foreach (var place in new[] { "机场", "火车站", "体育馆" })
            {
                await first.SayAsync($"导航去{place}", $"开始导航去{place}");
            }

            first.Kill();
        }

        var directory = Directory.CreateTempSubdirectory("car-cloud-crash-").FullName;
        var server = CloudServer.Create(
            ["--urls", endpoint.ToString(), "--Logging:LogLevel:Default=Warning", $"--Storage:Sqlite:Path={Path.Combine(directory, "cloud.db")}"]);
        await server.StartAsync();
        try
        {
            var store = server.Services.GetRequiredService<ICloudStore>();
            var vehicle = car["Cloud:VehicleId"]!;
            Assert.Equal(0, await store.CountEventsAsync(vehicle, default));
            using (var second = StartSession(car))
            {
                var waited = Stopwatch.StartNew();
                while (await store.CountEventsAsync(vehicle, default) < 3 && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100);
                }

                second.Kill();
            }

            Assert.Equal(3, await store.CountEventsAsync(vehicle, default));

            // Killed again, maybe between the server's answer and forgetting the events: what is left is sent again
            // (each run of the car delivers) and the server counts none of it twice.
            var status = string.Empty;
            for (var run = 0; run < 10 && !status.Contains("outbox:    0 event(s) queued", StringComparison.Ordinal); run++)
            {
                (_, status, _) = await CarProcess.RunAsync([], ["cloud", "status", .. Settings(car)]);
            }

            Assert.Contains("outbox:    0 event(s) queued", status, StringComparison.Ordinal);
            Assert.Equal(3, await store.CountEventsAsync(vehicle, default));
        }
        finally
        {
            await server.StopAsync();
            await server.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Settings(Dictionary<string, string?> car, string? except = null) =>
        [.. car.Where(s => s.Key != except).SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" })];


    private static CarSession StartSession(Dictionary<string, string?> car) => new(Settings(car));

    /// <summary>An interactive <c>car</c> session fed line by line, killed with SIGKILL rather than ended.</summary>
    private sealed class CarSession : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public CarSession(string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                WorkingDirectory = Path.GetTempPath(),
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "car.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("car did not start");
            _process.OutputDataReceived += (_, line) =>
            {
                lock (_output)
                {
                    _output.AppendLine(line.Data);
                }
            };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public async Task SayAsync(string text, string expected)
        {
            await _process.StandardInput.WriteLineAsync(text);
            await _process.StandardInput.FlushAsync();
            var waited = Stopwatch.StartNew();
            while (!Printed(expected))
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"car did not answer '{text}' with '{expected}': {Printed()}");
                await Task.Delay(50);
            }
        }

        /// <summary>SIGKILL: no shutdown, no flush, as a power cut or a crash.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private bool Printed(string text) => Printed().Contains(text, StringComparison.Ordinal);

        private string Printed()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }
}
