using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Car.Assistant.Dialogue;
using Car.Assistant.Policy.Safety;
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

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Help =
    [
        "说一句话（例如：有点闷、副驾车窗开一半、空调调到二十二度），助手会执行并回答。",
        ":help   this help",
        ":quit   end the session (also :q, exit, Ctrl+D; Ctrl+C stops at once)",
    ];

    private readonly Conversation _conversation;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ConsoleSessionOptions _options;
    private readonly SafetyAnnouncements _announcements;

    public ConsoleSessionService(
        Conversation conversation, IHostApplicationLifetime lifetime, IOptions<ConsoleSessionOptions> options, SafetyAnnouncements announcements)
    {
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
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["help"] = Help }, JsonOptions)).ConfigureAwait(false);
            return;
        }

        foreach (var line in Help)
        {
            await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>What the safety supervisor did on its own, printed between turns.</summary>
    private void Print(string text) => Console.Out.WriteLine(_options.Json
        ? JsonSerializer.Serialize(new Dictionary<string, string> { ["safety"] = text }, JsonOptions)
        : $"  safety:  {text}");

    public override void Dispose()
    {
        _conversation.Dispose();
        base.Dispose();
    }
}
