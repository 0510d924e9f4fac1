namespace Car.CloudSync.Server.Tests.Storage;

/// <summary>The test classes that share one PostgreSQL cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterDefinition : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
