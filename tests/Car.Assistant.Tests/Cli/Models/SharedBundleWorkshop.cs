namespace Car.Assistant.Tests.Cli.Models;

/// <summary>The test classes that share one <see cref="BundleWorkshop"/> (keys, models and bundles are made once).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBundleWorkshop : ICollectionFixture<BundleWorkshop>
{
    public const string Name = "Bundle workshop";
}
