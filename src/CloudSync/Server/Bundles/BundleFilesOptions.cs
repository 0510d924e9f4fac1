namespace Car.CloudSync.Server.Bundles;

/// <summary>Where the server finds the OTA model bundles it serves. Section <c>Bundles</c>.</summary>
public sealed class BundleFilesOptions
{
    public const string Section = "Bundles";

    /// <summary>A folder of bundle folders (each as <c>car models pack</c> writes it), served at <c>/bundles/NAME/</c>; none: no bundles.</summary>
    public string? Directory { get; set; }
}
