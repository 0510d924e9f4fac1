using System.Net.Http;
using RecommendationsService = Car.CloudSync.Contract.V1.Recommendations;
using VehicleEventsService = Car.CloudSync.Contract.V1.VehicleEvents;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Connection;

/// <summary>
/// The car's one gRPC channel to the cloud: HTTP/2 with keepalive pings, a connect timeout, and the vehicle's token on
/// every call. The recommender, the outbox delivery and the status share it.
/// </summary>
public sealed class CloudConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string _authorization;

    public CloudConnection(IOptions<CloudOptions> options)
        : this(options.Value)
    {
    }

    public CloudConnection(CloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = options.Endpoint ?? throw new ArgumentException("Cloud:Endpoint is not set.", nameof(options));
        VehicleId = options.VehicleId;
        _authorization = "Bearer " + options.Token;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAliveInterval,
            KeepAlivePingTimeout = options.KeepAliveTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        _channel = GrpcChannel.ForAddress(Endpoint, new GrpcChannelOptions
        {
            // Through an HttpClient rather than HttpHandler: gRPC's own connectivity tracking (its subchannels) is off.
            // It would back off reconnects for up to two minutes and fail calls at once meanwhile, keeping the car
            // offline long after the server is back; the circuit breaker and the outbox's backoff pace reconnects instead.
            HttpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan },
            DisposeHttpClient = true,
            // Retries are the resilience pipeline's, which knows the driver's deadline; gRPC's own would not.
            MaxRetryAttempts = 0,
            // A cancelled call throws OperationCanceledException, which the pipeline's timeout recognises as its own.
            ThrowOperationCanceledOnCancellation = true,
        });
        Recommendations = new RecommendationsService.RecommendationsClient(_channel);
        Events = new VehicleEventsService.VehicleEventsClient(_channel);
    }

    /// <summary>The server this connection talks to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The car's id, as sent in every request.</summary>
    public string VehicleId { get; }

    internal RecommendationsService.RecommendationsClient Recommendations { get; }

    internal VehicleEventsService.VehicleEventsClient Events { get; }

    /// <summary>Call options with the token and a deadline the server sees too (it stops work the car gave up on).</summary>
    internal CallOptions CallOptions(DateTime deadlineUtc, CancellationToken cancellationToken) =>
        new(new Metadata { { "authorization", _authorization } }, deadlineUtc, cancellationToken);

    public void Dispose() => _channel.Dispose();
}
