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
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("CAR_")
            .AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // A host that fails to start is reported by the program in one line (Program.cs), not as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // stdout carries the program's answers (JSON lines); logs go to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCarAssistant().UseLlm().UseSpeech();
        return builder;
    }
}
