namespace Car.Assistant.Cli.Evaluation;

/// <summary>One CATSLU label: act (inform, deny), slot (操作, 终点名称…) and value.</summary>
internal sealed record CatsluSlot(string Act, string Slot, string Value);
