namespace Car.VehicleBus.Signals;

/// <summary>
/// One node of a VSS JSON tree as read, before it is checked: every field may be missing, since an overlay states
/// only what it changes. <see cref="Source"/> is the file that last set a field, the one an error names.
/// </summary>
internal sealed record VssNode(
    string Path,
    string Source,
    string? Type,
    string? DataType,
    string? Unit,
    double? Min,
    double? Max,
    IReadOnlyList<string>? Allowed,
    bool HasChildren)
{
    /// <summary>This node with the fields that <paramref name="overlay"/> states replaced by the overlay's.</summary>
    public VssNode MergedWith(VssNode overlay) => new(
        Path,
        overlay.Source,
        overlay.Type ?? Type,
        overlay.DataType ?? DataType,
        overlay.Unit ?? Unit,
        overlay.Min ?? Min,
        overlay.Max ?? Max,
        overlay.Allowed ?? Allowed,
        HasChildren || overlay.HasChildren);
}
