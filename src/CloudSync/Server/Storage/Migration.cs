namespace Car.CloudSync.Server.Storage;

/// <summary>One schema version: the statements that take the database from the version before to this one.</summary>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);
