namespace Car.CloudSync.Recommendations;

/// <summary>No recommendation could be had: no cloud configured, no connection, or no answer in time.</summary>
public sealed class RecommenderUnavailableException : Exception
{
    public RecommenderUnavailableException()
    {
    }

    public RecommenderUnavailableException(string message)
        : base(message)
    {
    }

    public RecommenderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
