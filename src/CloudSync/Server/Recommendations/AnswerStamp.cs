using Car.CloudSync.Contract.V1;
using Car.CloudSync.Server.Maps;
using Google.Protobuf.WellKnownTypes;

namespace Car.CloudSync.Server.Recommendations;

/// <summary>The metadata on every answer: who answered, whether it is sample data, when, and the answer's id.</summary>
internal sealed class AnswerStamp(IMapProvider map, TimeProvider time)
{
    public AnswerMetadata Next() => new()
    {
        DataSource = map.DataSource,
        SampleData = map.IsSampleData,
        GeneratedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        ServerVersion = CloudServer.Version,
        RequestId = Guid.NewGuid().ToString("N"),
    };
}
