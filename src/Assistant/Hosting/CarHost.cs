using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Hosting;

/// <summary>
/// Builds the host every entry point shares (CLI commands, the REPL, the service). Settings, later ones winning:
/// appsettings.json beside the program, appsettings.{Environment}.json (<c>DOTNET_ENVIRONMENT</c>, default
/// Production), <c>CAR_</c> environment variables (<c>CAR_Policy__HighSpeedKmh=90</c>), then the command line's
/// settings (<c>--set</c>, then the options that were given).
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

    /// <summary>How long a stopping host waits for a turn in flight before it gives up on it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);

    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection([
            new("Cloud:DataDirectory", DataDirectory),
            new("Llm:PrefixStateDirectory", Path.Combine(DataDirectory, "llm")),
        ]);
        AddJsonFile(builder.Configuration, "appsettings.json");
        AddJsonFile(builder.Configuration, $"appsettings.{builder.Environment.EnvironmentName}.json");
        builder.Configuration
            .AddEnvironmentVariables("CAR_")
            .AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // The formatter is Logging:Console:FormatterName (simple, json or systemd); simple lines by default.
        builder.Logging.AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.SingleLine = true);
        // A host that fails to start is reported by the program in one line (Program.cs), not as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // stdout carries the program's answers (JSON lines); logs go to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName ??= ConsoleFormatterNames.Simple;
        });
        // Ctrl+C and SIGTERM: the session drains its turn in flight and the program ends within a second.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddCarAssistant().UseLlm().UseSpeech().UseBundles(Path.Combine(DataDirectory, "bundles"));
        builder.Services.AddCarTelemetryExport(builder.Configuration);
        return builder;
    }

    /// <summary>Checks every setting (<see cref="SettingsCheck"/>), then builds the host.</summary>
    public static IHost Build(HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        SettingsCheck.ThrowIfInvalid(builder.Configuration, builder.Services);
        return builder.Build();
    }

    private static void AddJsonFile(IConfigurationBuilder configuration, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name);
        try
        {
            configuration.AddJsonFile(path, optional: true);
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException($"{path} is not valid JSON: {e.InnerException?.Message ?? e.Message}", e);
        }
    }
}
