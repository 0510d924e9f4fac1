using System.Globalization;
using System.Text.Json;
using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>Writes the table (text or JSON) and, for developers, the failing utterances.</summary>
internal static class ReportPrinter
{
    public static void WriteTable(TextWriter output, EvaluationReport report)
    {
        output.WriteLine($"{report.Corpus} ({report.Engine})");
        output.WriteLine($"{"domain",-12}{"utterances",11}{"expressible",12}{"exact",9}{"missed",9}{"wrong",9}{"(intent)",10}{"excluded",10}");
        foreach (var row in report.Domains.Append(report.Overall))
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.Domain,-12}{row.Utterances,11}{row.Expressible,12}{Percent(row.ExactRate),9}{Percent(row.MissedRate),9}{Percent(row.WrongRate),9}{Percent(row.WrongIntentRate),10}{row.Excluded,10}"));
        }
    }

    public static void WriteJson(Stream output, EvaluationReport report)
    {
        using var writer = new Utf8JsonWriter(output, IntentJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("corpus", report.Corpus);
        writer.WriteString("engine", report.Engine);
        writer.WriteStartArray("domains");
        foreach (var row in report.Domains)
        {
            WriteRow(writer, row);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("overall");
        WriteRow(writer, report.Overall);
        writer.WriteEndObject();
    }

    /// <summary>One line per failure: where, outcome, utterance, expected, got.</summary>
    public static void WriteFailures(TextWriter output, IEnumerable<ScoredUtterance> failures)
    {
        foreach (var failure in failures)
        {
            var got = failure.Parsed.Intents.Count == 0 ? "[]" : string.Join("; ", failure.Parsed.Intents.Select(Describe));
            if (failure.Parsed.FollowUp is { } followUp)
            {
                got += $" (follow-up {followUp})";
            }

            if (failure.Asked is { } asked)
            {
                got += $" (asked {asked})";
            }

            output.WriteLine($"{failure.Outcome.ToString().ToLowerInvariant()}\t{failure.Utterance.Source}\t{failure.Utterance.Domain}\t{failure.Utterance.Text}\texpected {failure.Utterance.Expected}\tgot {got}");
        }
    }

    private static string Describe(Intent intent) =>
        intent.IsClear ? intent.ToString() : string.Create(CultureInfo.InvariantCulture, $"{intent}?{intent.Confidence:0.00}");

    private static void WriteRow(Utf8JsonWriter writer, DomainScore row)
    {
        writer.WriteStartObject();
        writer.WriteString("domain", row.Domain);
        writer.WriteNumber("utterances", row.Utterances);
        writer.WriteNumber("expressible", row.Expressible);
        writer.WriteNumber("exact", row.Exact);
        writer.WriteNumber("missed", row.Missed);
        writer.WriteNumber("wrong", row.Wrong);
        writer.WriteNumber("wrongIntent", row.WrongIntent);
        writer.WriteNumber("excluded", row.Excluded);
        writer.WriteNumber("exactRate", Math.Round(row.ExactRate, 4));
        writer.WriteNumber("missedRate", Math.Round(row.MissedRate, 4));
        writer.WriteNumber("wrongRate", Math.Round(row.WrongRate, 4));
        writer.WriteNumber("wrongIntentRate", Math.Round(row.WrongIntentRate, 4));
        writer.WriteEndObject();
    }

    private static string Percent(double rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.0}%");
}
