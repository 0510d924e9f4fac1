namespace Car.CloudSync.Recommendations;

/// <summary>Where an answer came from and how old it is, so the driver hears when it is offline or sample data.</summary>
/// <param name="RequestId">The server's id for the answer, quoted when the car reports what was offered and chosen.</param>
/// <param name="DataSource">The provider that answered (sample-city, amap).</param>
/// <param name="SampleData">True when the answer comes from the server's bundled sample city, not a real map.</param>
/// <param name="GeneratedAt">When the server made the answer.</param>
/// <param name="FromCache">True when the cloud could not be reached and this is a remembered answer.</param>
public sealed record AnswerOrigin(string RequestId, string DataSource, bool SampleData, DateTimeOffset GeneratedAt, bool FromCache);
