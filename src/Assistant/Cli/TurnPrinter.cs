using Car.Assistant.Dialogue;

namespace Car.Assistant.Cli;

/// <summary>Prints a turn for a person: what was understood, what was sent, what changed, and the reply.</summary>
public static class TurnPrinter
{
    public static void Print(TextWriter output, TurnReport report, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        if (json)
        {
            output.WriteLine(TurnReportJson.Write(report));
            return;
        }

        output.WriteLine($"» {report.Text}");
        output.WriteLine($"  intents ({report.Engine}): {(report.Intents.Count == 0 ? "none" : string.Join("; ", report.Intents))}");
        foreach (var action in report.Actions)
        {
            var mark = action.Error is not null ? $"✗ {action.Error}" : action.Confirmed ? "✓" : "… not reached yet";
            output.WriteLine($"  action:  {action.Signal} → {action.Value} {mark}");
        }

        foreach (var change in report.Changes)
        {
            output.WriteLine($"  changed: {change.Signal} {change.Before} → {change.After}");
        }

        foreach (var refusal in report.Refused)
        {
            output.WriteLine($"  refused: {refusal.Intent}: {refusal.Reason}");
        }

        if (report.Ask is not null)
        {
            output.WriteLine($"  ask:     {report.Ask}");
        }

        output.WriteLine($"  reply:   {report.Reply}");
    }
}
