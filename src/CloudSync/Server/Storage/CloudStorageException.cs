namespace Car.CloudSync.Server.Storage;

/// <summary>The database could not be opened or migrated.</summary>
public sealed class CloudStorageException : Exception
{
    public CloudStorageException()
    {
    }

    public CloudStorageException(string message) : base(message)
    {
    }

    public CloudStorageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
