using Car.CloudSync.Server.Tests.Hosting;
using Xunit.Abstractions;

namespace Car.CloudSync.Server.Tests.Storage;

/// <summary>The behaviour tests on PostgreSQL (a private cluster; skipped with one line where PostgreSQL is not installed).</summary>
[Collection(PostgresClusterDefinition.Name)]
public sealed class PostgresCloudBehaviourTests(PostgresCluster cluster, ITestOutputHelper output) : CloudBehaviourTests(output)
{
    protected override async Task<CloudServerHandle?> ServerAsync()
    {
        if (cluster.SkipReason is not null)
        {
            Output.WriteLine(cluster.SkipReason);
            return null;
        }

        return await cluster.ServerAsync("behaviour");
    }
}
