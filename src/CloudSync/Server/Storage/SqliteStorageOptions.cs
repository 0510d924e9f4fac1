namespace Car.CloudSync.Server.Storage;

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; empty means <c>data/cloud.db</c> under the content root. Its folder is created.</summary>
    public string Path { get; set; } = "";
}
