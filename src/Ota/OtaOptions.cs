using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Car.Ota;

/// <summary>Over-the-air model bundles. Section <c>Ota</c>; <c>--store</c> sets <see cref="StoreDirectory"/>.</summary>
public sealed class OtaOptions
{
    public const string SectionName = "Ota";

    /// <summary>The store (slots A and B, the active pointer, the install log); null: <c>bundles</c> in the car's data directory.</summary>
    public string? StoreDirectory { get; set; }

    /// <summary>The factory bundle shipped with the program: <c>models/</c> beside it.</summary>
    [Required]
    public string FactoryDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The bundle this car installs; any other bundle's manifest is refused.</summary>
    [Required]
    public string BundleName { get; set; } = "car-models";

    /// <summary>Root public keys (<c>ed25519 BASE64 NAME</c>, the text of a <c>.pub</c> file).</summary>
    public IList<string> TrustedKeys { get; } = [];

    /// <summary>How many distinct trusted keys must sign a manifest.</summary>
    [Range(1, 16)]
    public int Threshold { get; set; } = 1;

    /// <summary>This program's version, compared with a manifest's minimum app version.</summary>
    [Required]
    public string AppVersion { get; set; } = typeof(OtaOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Starts of an activated bundle without a passed health check before it is rolled back (crash loop).</summary>
    [Range(1, 100)]
    public int MaxBootAttempts { get; set; } = 3;

    /// <summary>The most bytes the store's slots may hold (0: as much as the disk has).</summary>
    [Range(0, long.MaxValue)]
    public long MaxStoreBytes { get; set; }

    [ValidateObjectMembers]
    public DownloadOptions Download { get; set; } = new();
}
