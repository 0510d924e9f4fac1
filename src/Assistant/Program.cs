using System.CommandLine;
using System.Text;
using Car.Assistant.Cli;
using Car.Language.Gazetteers;
using Car.Language.Llm;
using Car.Language.Model;
using Car.Llama;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

Console.OutputEncoding = new UTF8Encoding(false);
try
{
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
    var parsed = CarCommandLine.Create().Parse(args);
    if (parsed.Errors.Count > 0)
    {
        // A usage error: say what is wrong in one line each, exit 2 like other bad input.
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync($"car: {error.Message}").ConfigureAwait(false);
        }

        return 2;
    }

    return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
}
catch (Exception e) when (e is NluModelException or GazetteerException or Car.Assistant.Scenarios.ScenarioFormatException or OptionsValidationException or VehicleBusException or SignalCatalogException or LlmException or Car.Speech.Whisper.WhisperException)
{
    // Broken configuration or data: one line that says what and where, no stack trace.
    await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
    return 2;
}
