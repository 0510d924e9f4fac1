namespace Car.Ota.Store;

/// <summary>One line of the install log (UN R156 update record): what, when, from which version, and how it ended.</summary>
/// <param name="Action"><c>install</c>, <c>rollback</c>, <c>health-check</c> or <c>crash-loop</c>.</param>
/// <param name="Result"><c>ok</c>, <c>rejected</c>, <c>failed</c> or <c>rolled-back</c>.</param>
public sealed record InstallRecord(
    DateTimeOffset Time,
    string Action,
    string Bundle,
    long FromVersion,
    long ToVersion,
    string Slot,
    string Result,
    string Message);
