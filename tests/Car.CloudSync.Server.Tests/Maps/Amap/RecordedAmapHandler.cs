using System.Net;
using System.Text;

namespace Car.CloudSync.Server.Tests.Maps.Amap;

/// <summary>Answers Amap's paths with recorded responses from TestData/Amap and keeps the requests it saw.</summary>
public sealed class RecordedAmapHandler(IReadOnlyDictionary<string, string> responses) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        if (!responses.TryGetValue(request.RequestUri!.AbsolutePath, out var file))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "Amap", file), cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
