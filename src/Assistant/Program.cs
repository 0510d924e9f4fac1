using System.CommandLine;
using System.Text;
using Car.Assistant.Cli;
using Car.Assistant.Hosting;
using Car.Language.Gazetteers;
using Car.Language.Model;
using Car.Llama;
using Car.Speech.Whisper;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

Console.OutputEncoding = new UTF8Encoding(false);
using var interruption = new Interruption();
try
{
    // Signals are handled by Interruption (one token for the command and the host), not by System.CommandLine.
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
    var parsed = CarCommandLine.Create().Parse(args);
    if (parsed.Errors.Count > 0)
    {
        // A usage error: say what is wrong in one line each.
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync($"car: {error.Message}").ConfigureAwait(false);
        }

        return ExitCodes.Usage;
    }

    var exitCode = await parsed.InvokeAsync(invocation, interruption.Token).ConfigureAwait(false);
    return interruption.ExitCode ?? exitCode;
}
catch (OperationCanceledException) when (interruption.ExitCode is { } exitCode)
{
    return exitCode;
}
catch (Exception e) when ((e is LlmException && !LlamaBackend.IsAvailable) || (e is WhisperException && !WhisperFactory.IsAvailable))
{
    // The engine itself is missing (not built, not installed): one line, exit 3.
    await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
    return ExitCodes.MissingEngine;
}
catch (Exception e) when (e is SettingsException or Car.Assistant.Scenarios.ScenarioFormatException or NluModelException or GazetteerException or OptionsValidationException or VehicleBusException or SignalCatalogException or LlmException or WhisperException)
{
    // Broken configuration or data: one line that says what and where, no stack trace.
    await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
    return ExitCodes.Configuration;
}
