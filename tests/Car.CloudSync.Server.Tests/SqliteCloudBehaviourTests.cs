using Car.CloudSync.Server.Tests.Hosting;
using Xunit.Abstractions;

namespace Car.CloudSync.Server.Tests;

/// <summary>The behaviour tests on the default storage, SQLite.</summary>
public sealed class SqliteCloudBehaviourTests(SqliteServerFixture fixture, ITestOutputHelper output)
    : CloudBehaviourTests(output), IClassFixture<SqliteServerFixture>
{
    protected override Task<CloudServerHandle?> ServerAsync() => Task.FromResult<CloudServerHandle?>(fixture.Server);
}
