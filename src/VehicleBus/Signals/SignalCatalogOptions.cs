using System.ComponentModel.DataAnnotations;

namespace Car.VehicleBus.Signals;

/// <summary>Where the VSS catalog lives. Bound from the <c>SignalCatalog</c> configuration section.</summary>
public sealed class SignalCatalogOptions
{
    public const string SectionName = "SignalCatalog";

    /// <summary>The folder holding the catalog files; by default <c>models/vss</c> beside the program.</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "models", "vss");

    /// <summary>The VSS specification's signals that Car uses, in vss-tools' JSON export shape.</summary>
    [Required]
    public string Specification { get; set; } = "vss-4.2.json";

    /// <summary>Car's overlay, merged over the specification; empty for none.</summary>
    public string? Overlay { get; set; } = "car-overlay.json";
}
