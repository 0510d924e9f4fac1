namespace Car.CloudSync.Server.Storage;

/// <summary>Every key of a batch, in request order: stored now, or stored before.</summary>
public sealed record EventWriteResult(IReadOnlyList<string> Accepted, IReadOnlyList<string> Duplicates);
