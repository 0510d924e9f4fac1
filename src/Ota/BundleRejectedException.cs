namespace Car.Ota;

/// <summary>A bundle the car refuses (tampered, unsigned, older, expired, another bundle's): the active bundle is unchanged.</summary>
public sealed class BundleRejectedException : Exception
{
    public BundleRejectedException()
    {
    }

    public BundleRejectedException(string message)
        : base(message)
    {
    }

    public BundleRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
