using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Client;

/// <summary>
/// A channel to a kuksa.val.v2 broker (ours or Eclipse KUKSA databroker) and the token sent with every call as
/// <c>authorization: Bearer …</c>. <c>http://</c> is plaintext HTTP/2, <c>https://</c> TLS.
/// </summary>
public sealed class KuksaConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Grpc.Core.Metadata _headers = [];

    public KuksaConnection(Uri url, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        _channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(3),
                KeepAlivePingDelay = TimeSpan.FromSeconds(20),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            },
        });
        if (!string.IsNullOrWhiteSpace(token))
        {
            _headers.Add("authorization", "Bearer " + token.Trim());
        }

        Client = new VAL.VALClient(_channel);
    }

    /// <summary>A connection whose token is read from <paramref name="tokenFile"/> (a JWT, as KUKSA's tokens are stored), if given.</summary>
    public static KuksaConnection Open(Uri url, string? tokenFile) =>
        new(url, string.IsNullOrEmpty(tokenFile) ? null : File.ReadAllText(tokenFile));

    public Uri Url { get; }

    public VAL.VALClient Client { get; }

    /// <summary>Call options with the token, the cancellation and, when given, a deadline.</summary>
    public CallOptions Options(CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        new(_headers, timeout is { } t ? DateTime.UtcNow + t : null, cancellationToken);

    public void Dispose() => _channel.Dispose();
}
