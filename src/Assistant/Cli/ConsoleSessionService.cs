using System.Text;
using Car.Assistant.Dialogue;
using Car.Assistant.Policy.Safety;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// The assistant as a hosted service talking to the console: one utterance per line, one session throughout
/// (follow-ups work), until the input ends or <c>:quit</c>; then the host stops.
/// </summary>
public sealed class ConsoleSessionService : BackgroundService
{
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
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        _announcements.Announced += Print;
        try
        {
            await Console.Out.WriteLineAsync("Car 助手已就绪（模拟车辆，规则解析）。请说话，:quit 退出。").ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Console.Out.WriteAsync("你> ").ConfigureAwait(false);
                var line = await input.ReadLineAsync(stoppingToken).ConfigureAwait(false);
                if (line is null || line.Trim() is ":quit" or ":q" or "exit")
                {
                    break;
                }

                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var report = await _conversation.HandleAsync(line, stoppingToken).ConfigureAwait(false);
                TurnPrinter.Print(Console.Out, report, _options.Json);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C: the host is stopping.
        }
        finally
        {
            _announcements.Announced -= Print;
            _lifetime.StopApplication();
        }
    }

    /// <summary>What the safety supervisor did on its own, printed between turns.</summary>
    private static void Print(string text) => Console.Out.WriteLine($"  safety:  {text}");

    public override void Dispose()
    {
        _conversation.Dispose();
        base.Dispose();
    }
}
