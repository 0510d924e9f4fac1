using System.Globalization;
using System.Text.Json;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Scenarios;

/// <summary>
/// Reads a scenario file (JSON: <c>name</c>, optional <c>scenario</c> and <c>settings</c>, <c>steps</c>). Every mistake
/// is one <see cref="ScenarioFormatException"/> naming the file, the step and what was expected.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] StepKinds =
        ["say", "set", "wait", "expect", TurnExpectation.Reply, TurnExpectation.Refused, TurnExpectation.Ask, TurnExpectation.NoAction];

    public static async Task<ScenarioScript> LoadAsync(string path, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException($"{path}: cannot be read ({e.Message}).", e);
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException($"{path}: not JSON (line {e.LineNumber + 1}: {e.Message}).", e);
        }

        using (document)
        {
            return Read(path, document.RootElement);
        }
    }

    private static ScenarioScript Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioFormatException($"{path}: expected an object with \"name\" and a \"steps\" array.");
        }

        var name = root.TryGetProperty("name", out var named) && named.ValueKind == JsonValueKind.String
            ? named.GetString()!
            : Path.GetFileNameWithoutExtension(path);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("settings", out var configured))
        {
            if (configured.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioFormatException($"{path}: \"settings\" must be an object of setting names and values.");
            }

            foreach (var setting in configured.EnumerateObject())
            {
                settings[setting.Name] = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
            }
        }

        if (root.TryGetProperty("scenario", out var situation))
        {
            var text = situation.GetString() ?? string.Empty;
            if (!Enum.TryParse<DrivingScenario>(text, ignoreCase: true, out var scenario) || int.TryParse(text, out _))
            {
                throw new ScenarioFormatException(
                    $"{path}: \"scenario\" is '{text}'; expected one of {string.Join(", ", Enum.GetNames<DrivingScenario>().Select(n => n.ToLowerInvariant()))}.");
            }

            settings[$"{SimulatorOptions.SectionName}:Scenario"] = scenario.ToString();
        }

        var read = steps.EnumerateArray().Select((step, i) => Step(path, i + 1, step)).ToList();
        if (read.Count == 0)
        {
            throw new ScenarioFormatException($"{path}: \"steps\" is empty.");
        }

        return new ScenarioScript(name, path, settings, read);
    }

    private static ScenarioStep Step(string path, int number, JsonElement step)
    {
        var kind = step.ValueKind == JsonValueKind.Object ? StepKinds.FirstOrDefault(k => step.TryGetProperty(k, out _)) : null;
        if (kind is null)
        {
            throw Bad(path, number, $"expected an object with one of {string.Join(", ", StepKinds)}");
        }

        var value = step.GetProperty(kind);
        return kind switch
        {
            "say" => new SayStep(number, Text(path, number, value, kind)),
            "set" => new SetStep(number, Text(path, number, value, kind), Value(path, number, step, "to")),
            "wait" => new WaitStep(number, Duration(path, number, Text(path, number, value, kind))),
            "expect" => Expectation(path, number, Text(path, number, value, kind), step),
            TurnExpectation.Reply or TurnExpectation.Refused => new TurnExpectation(number, kind, Text(path, number, value, kind)),
            _ when value.ValueKind == JsonValueKind.True => new TurnExpectation(number, kind, null),
            _ => throw Bad(path, number, $"\"{kind}\" takes true"),
        };
    }

    private static SignalExpectation Expectation(string path, int number, string signal, JsonElement step)
    {
        foreach (var comparison in new[] { SignalExpectation.EqualTo, SignalExpectation.Below, SignalExpectation.Above })
        {
            if (step.TryGetProperty(comparison, out _))
            {
                var expected = Value(path, number, step, comparison);
                if (comparison != SignalExpectation.EqualTo && expected.Kind != SignalValueKind.Number)
                {
                    throw Bad(path, number, $"\"{comparison}\" takes a number");
                }

                return new SignalExpectation(number, signal, comparison, expected);
            }
        }

        throw Bad(path, number, "\"expect\" needs \"equals\", \"below\" or \"above\"");
    }

    private static SignalValue Value(string path, int number, JsonElement step, string property) =>
        step.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => SignalValue.FromNumber(value.GetDouble()),
                JsonValueKind.True or JsonValueKind.False => SignalValue.FromBoolean(value.GetBoolean()),
                JsonValueKind.String => SignalValue.FromString(value.GetString()!),
                _ => throw Bad(path, number, $"\"{property}\" takes a number, true/false or a string"),
            }
            : throw Bad(path, number, $"\"{property}\" is missing");

    private static string Text(string path, int number, JsonElement value, string kind) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Bad(path, number, $"\"{kind}\" takes a non-empty string");

    /// <summary><c>2s</c>, <c>500ms</c> or a TimeSpan (<c>00:00:02</c>), up to a minute.</summary>
    private static TimeSpan Duration(string path, int number, string text)
    {
        TimeSpan? duration = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal)
                && double.TryParse(text[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) => TimeSpan.FromMilliseconds(ms),
            _ when text.EndsWith('s')
                && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => TimeSpan.FromSeconds(s),
            _ when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) => span,
            _ => null,
        };
        return duration is { } d && d >= TimeSpan.Zero && d <= TimeSpan.FromMinutes(1)
            ? d
            : throw Bad(path, number, $"\"wait\" is '{text}'; expected a duration up to a minute such as 2s, 500ms or 00:00:02");
    }

    private static ScenarioFormatException Bad(string path, int number, string problem) => new($"{path}: step {number}: {problem}.");
}
