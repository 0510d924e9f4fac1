using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Hosting;

/// <summary>
/// Builds the host every entry point shares (CLI commands, the REPL, the service): appsettings.json beside the
/// program, <c>CAR_</c> environment variables, then the command line's settings (<c>--Simulator:Scenario=Rain</c>).
/// </summary>
public static class CarHost
{
    /// <summary>
    /// Where the car keeps what must survive a restart (the cloud's outbox and answer cache) unless
    /// <c>Cloud:DataDirectory</c> says otherwise: <c>$XDG_STATE_HOME/car</c>, else <c>~/.local/state/car</c>.
    /// </summary>
    public static string DataDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } state
            ? state
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"),
        "car");

    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddInMemoryCollection([new("Cloud:DataDirectory", DataDirectory)])
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("CAR_")
            .AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // A host that fails to start is reported by the program in one line (Program.cs), not as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // stdout carries the program's answers (JSON lines); logs go to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCarAssistant().UseLlm().UseSpeech().UseBundles(Path.Combine(DataDirectory, "bundles"));
        return builder;
    }
}
