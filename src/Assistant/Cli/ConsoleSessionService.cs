using System.Text;
using System.Text.Json;
using Car.Assistant.Dashboard;
using Car.Assistant.Dialogue;
using Car.Assistant.Hosting;
using Car.Assistant.Policy.Safety;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// The assistant as a hosted service talking to the console: one utterance per line, one session throughout
/// (follow-ups work), until the input ends, <c>:quit</c>, Ctrl+C or SIGTERM; then the host stops. With
/// <c>--json</c> stdout carries only JSON lines (no banner, no prompt); the banner and prompt show only on a terminal.
/// </summary>
public sealed class ConsoleSessionService : BackgroundService
{
    /// <summary>How long a turn in flight may finish once the program is asked to stop.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(750);


    private static readonly string[] Help =
    [
        "说一句话（例如：有点闷、副驾车窗开一半、空调调到二十二度），助手会执行并回答。",
        ":help   this help",
        ":scenario parked|city|highway|rain   put the simulated car in that situation now (speed, gear, rain, outside temperature)",
        ":state  the cabin as the car reports it now (windows, climate, seats, lights, media, navigation, call)",
        ":quit   end the session (also :q, exit, Ctrl+D; Ctrl+C stops at once)",
    ];

    private readonly Conversation _conversation;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ConsoleSessionOptions _options;
    private readonly SafetyAnnouncements _announcements;
    private readonly IVehicleBus _bus;

    public ConsoleSessionService(
        Conversation conversation,
        IHostApplicationLifetime lifetime,
        IOptions<ConsoleSessionOptions> options,
        SafetyAnnouncements announcements,
        IVehicleBus bus)
    {
        _bus = bus;
        _conversation = conversation;
        _announcements = announcements;
        _lifetime = lifetime;
        _options = options.Value;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var talking = !_options.Json && !Console.IsInputRedirected;
        _announcements.Announced += Print;
        try
        {
            if (talking)
            {
                await Console.Out.WriteLineAsync("Car 助手已就绪（模拟车辆）。请说话；:help 帮助，:quit 退出。").ConfigureAwait(false);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                if (talking)
                {
                    await Console.Out.WriteAsync("你> ").ConfigureAwait(false);
                }

                var line = (await ConsoleLines.ReadLineAsync(input, stoppingToken).ConfigureAwait(false))?.Trim();
                if (line is null or ":quit" or ":q" or "exit")
                {
                    break;
                }

                if (line is ":help" or ":h" or ":?")
                {
                    await WriteHelpAsync().ConfigureAwait(false);
                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith(":scenario", StringComparison.Ordinal))
                {
                    await WriteAsync(Scenario(line[":scenario".Length..].Trim())).ConfigureAwait(false);
                    continue;
                }

                if (line == ":state")
                {
                    await WriteStateAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                // A turn in flight when the program is asked to stop gets a moment to finish on the bus.
                using var turn = new CancellationTokenSource();
                using var stopping = stoppingToken.Register(() => turn.CancelAfter(Drain));
                var report = await _conversation.HandleAsync(line, turn.Token).ConfigureAwait(false);
                TurnPrinter.Print(Console.Out, report, _options.Json);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the host is stopping. The abandoned console read ends with the process.
        }
        finally
        {
            _announcements.Announced -= Print;
            _lifetime.StopApplication();
        }
    }

    private async Task WriteHelpAsync()
    {
        if (_options.Json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["help"] = Help }, CarJsonContext.Readable.DictionaryStringStringArray)).ConfigureAwait(false);
            return;
        }

        foreach (var line in Help)
        {
            await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary><c>:scenario NAME</c>: the simulated car takes the situation's speed, gear, rain and outside temperature at once.</summary>
    private (string Key, string Text) Scenario(string name)
    {
        var names = string.Join("|", Enum.GetNames<DrivingScenario>().Select(n => n.ToLowerInvariant()));
        if (_bus is not VehicleSimulator car)
        {
            return ("error", "the car is behind a broker (--broker): its situation is the broker's, not set from here");
        }

        if (!Enum.TryParse<DrivingScenario>(name, ignoreCase: true, out var scenario) || !Enum.IsDefined(scenario) || name.Length == 0 || char.IsDigit(name[0]))
        {
            return ("error", $":scenario takes {names}, not '{name}'");
        }

        car.ApplyScenario(scenario);
        return ("scenario", scenario.ToString().ToLowerInvariant());
    }

    /// <summary><c>:state</c>: the signals the dashboard's cabin shows, one a line (or one JSON object).</summary>
    private async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _bus.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var shown = CabinSignals.Paths.Where(p => _bus.Catalog.TryGet(p, out _)).ToList();
        if (_options.Json)
        {
            var state = shown.ToDictionary(p => p, p => (object)(snapshot[p].Kind switch
            {
                SignalValueKind.Number => snapshot[p].AsNumber(),
                SignalValueKind.Boolean => snapshot[p].AsBoolean(),
                _ => snapshot[p].AsString(),
            }));
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object?> { ["state"] = state }, CarJsonContext.Readable.DictionaryStringObject)).ConfigureAwait(false);
            return;
        }

        foreach (var path in shown)
        {
            await Console.Out.WriteLineAsync($"  {path} = {snapshot[path]}").ConfigureAwait(false);
        }
    }

    private Task WriteAsync((string Key, string Text) line) => Console.Out.WriteLineAsync(_options.Json
        ? JsonSerializer.Serialize(new Dictionary<string, string> { [line.Key] = line.Text }, CarJsonContext.Readable.DictionaryStringString)
        : line.Key == "error" ? $"  {line.Text}" : $"  {line.Key}: {line.Text}");

    /// <summary>What the safety supervisor did on its own, printed between turns.</summary>
    private void Print(string text) => Console.Out.WriteLine(_options.Json
        ? JsonSerializer.Serialize(new Dictionary<string, string> { ["safety"] = text }, CarJsonContext.Readable.DictionaryStringString)
        : $"  safety:  {text}");

    public override void Dispose()
    {
        _conversation.Dispose();
        base.Dispose();
    }
}
