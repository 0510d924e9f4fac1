namespace Car.Ota;

/// <summary>An installation that could not finish (network, disk, stalled server): the active bundle is unchanged and a later try resumes.</summary>
public sealed class BundleInstallException : Exception
{
    public BundleInstallException()
    {
    }

    public BundleInstallException(string message)
        : base(message)
    {
    }

    public BundleInstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
