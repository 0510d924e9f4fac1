using System.Globalization;
using Car.CloudSync.Connection;
using Car.CloudSync.Contract.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Car.CloudSync.Recommendations;

/// <summary>
/// Asks Car's cloud over gRPC, within <see cref="CloudOptions.CallDeadline"/> (retries and circuit breaker included).
/// When the cloud fails in any way, answers from the cache of recent answers near the car, marked
/// <see cref="AnswerOrigin.FromCache"/> with the time the answer was made; with nothing cached near, throws
/// <see cref="RecommenderUnavailableException"/>.
/// </summary>
public sealed partial class GrpcPlaceRecommender : IPlaceRecommender, IDisposable
{
    private readonly CloudConnection _connection;
    private readonly AnswerCache _cache;
    private readonly CloudOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly bool _ownsParts;

    /// <summary>A recommender of its own (its own channel and cache), for tools and benchmarks that have no host.</summary>
    public GrpcPlaceRecommender(CloudOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(
            Validated(options),
            new CloudConnection(options),
            new AnswerCache(options, timeProvider ?? TimeProvider.System),
            timeProvider ?? TimeProvider.System,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<GrpcPlaceRecommender>(),
            ownsParts: true)
    {
    }

    internal GrpcPlaceRecommender(
        IOptions<CloudOptions> options,
        CloudConnection connection,
        AnswerCache cache,
        TimeProvider timeProvider,
        ILogger<GrpcPlaceRecommender> logger)
        : this(options.Value, connection, cache, timeProvider, logger, ownsParts: false)
    {
    }

    private GrpcPlaceRecommender(
        CloudOptions options, CloudConnection connection, AnswerCache cache, TimeProvider timeProvider, ILogger logger, bool ownsParts)
    {
        _options = options;
        _connection = connection;
        _cache = cache;
        _timeProvider = timeProvider;
        _logger = logger;
        _ownsParts = ownsParts;
        _pipeline = QuestionPipeline.Build(options, timeProvider);
    }

    public Task<PlaceRecommendation> RecommendPlacesAsync(PlaceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new RecommendPlacesRequest
        {
            Vehicle = ContractMapping.Vehicle(_connection.VehicleId, query.Position, query.LocalTime),
            Category = query.Category ?? "",
            Words = query.Words ?? "",
            MaxResults = _options.MaxResults,
            Offset = query.Offset,
        };
        var key = Key("places", query.Category, query.Words, query.Offset.ToString(CultureInfo.InvariantCulture));
        return AskAsync(
            key,
            query.Position,
            options => _connection.Recommendations.RecommendPlacesAsync(request, options),
            static reply => reply.Metadata ??= new AnswerMetadata(),
            RecommendPlacesReply.Parser,
            ContractMapping.Places,
            cancellationToken);
    }

    public Task<RoutePlan> PlanRouteAsync(RouteQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new PlanRouteRequest
        {
            Vehicle = ContractMapping.Vehicle(_connection.VehicleId, query.Position, query.LocalTime),
            Preference = ContractMapping.Preference(query.Preference),
        };
        if (!string.IsNullOrEmpty(query.PlaceId))
        {
            request.PlaceId = query.PlaceId;
        }
        else
        {
            request.DestinationText = query.DestinationText ?? "";
        }

        var key = Key("route", query.PlaceId, query.DestinationText, query.Preference.ToString());
        return AskAsync(
            key,
            query.Position,
            options => _connection.Recommendations.PlanRouteAsync(request, options),
            static reply => reply.Metadata ??= new AnswerMetadata(),
            PlanRouteReply.Parser,
            ContractMapping.Route,
            cancellationToken);
    }

    public Task<TripRecommendation> RecommendTripsAsync(TripQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new RecommendTripRequest
        {
            Vehicle = ContractMapping.Vehicle(_connection.VehicleId, query.Position, query.LocalTime),
            Theme = query.Theme ?? "",
            Days = query.Days,
            MaxResults = _options.MaxResults,
        };
        var key = Key("trip", query.Theme, query.Days.ToString(CultureInfo.InvariantCulture));
        return AskAsync(
            key,
            query.Position,
            options => _connection.Recommendations.RecommendTripAsync(request, options),
            static reply => reply.Metadata ??= new AnswerMetadata(),
            RecommendTripReply.Parser,
            ContractMapping.Trips,
            cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsParts)
        {
            _connection.Dispose();
            _cache.Dispose();
        }
    }

    private async Task<TAnswer> AskAsync<TReply, TAnswer>(
        CacheKey key,
        GeoPosition? position,
        Func<CallOptions, AsyncUnaryCall<TReply>> call,
        Func<TReply, AnswerMetadata> metadata,
        MessageParser<TReply> parser,
        Func<TReply, bool, TAnswer> map,
        CancellationToken cancellationToken)
        where TReply : IMessage<TReply>
    {
        var started = _timeProvider.GetUtcNow();
        // gRPC measures its deadline on the system clock; the pipeline's timeout (on the TimeProvider) is the one that counts.
        var grpcDeadline = DateTime.UtcNow + _options.CallDeadline;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(QuestionPipeline.Deadline, started + _options.CallDeadline);
        context.Properties.Set(QuestionPipeline.CallerToken, cancellationToken);
        TReply reply;
        try
        {
            reply = await _pipeline.ExecuteAsync(
                async ctx => await call(_connection.CallOptions(grpcDeadline, ctx.CancellationToken)).ResponseAsync.ConfigureAwait(false),
                context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = Describe(exception);
            if (exception is RpcException { StatusCode: StatusCode.NotFound })
            {
                // An answer, not a failure: the cloud knows no such place (导航去公司 before it has learnt where that is).
                Log.NotKnown(_logger, key.Kind, problem);
            }
            else
            {
                Log.CloudFailed(_logger, key.Kind, problem, (_timeProvider.GetUtcNow() - started).TotalMilliseconds);
            }

            return FromCache(key, position, parser, map, problem, exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var answerMetadata = metadata(reply);
        answerMetadata.GeneratedAt ??= Timestamp.FromDateTimeOffset(_timeProvider.GetUtcNow());
        try
        {
            _cache.Store(key, position, answerMetadata.GeneratedAt.ToDateTimeOffset(), reply.ToByteArray());
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            Log.CacheFailed(_logger, exception);
        }

        return map(reply, false);
    }

    private TAnswer FromCache<TReply, TAnswer>(
        CacheKey key, GeoPosition? position, MessageParser<TReply> parser, Func<TReply, bool, TAnswer> map, string problem, Exception cause)
        where TReply : IMessage<TReply>
    {
        byte[]? remembered;
        try
        {
            remembered = _cache.Find(key, position);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            Log.CacheFailed(_logger, exception);
            remembered = null;
        }

        if (remembered is null)
        {
            throw new RecommenderUnavailableException(problem + " Nothing is remembered near here.", cause);
        }

        var answer = map(parser.ParseFrom(remembered), true);
        Log.AnsweredFromCache(_logger, key.Kind);
        return answer;
    }

    private CacheKey Key(string kind, params string?[] fields) => new(_connection.VehicleId, kind, string.Join('\u001f', fields));

    private string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException => $"The cloud did not answer within {_options.CallDeadline.TotalSeconds:0.###} s.",
        BrokenCircuitException => "The cloud failed repeatedly; not asking it for a while.",
        RpcException { StatusCode: StatusCode.Unavailable } rpc => $"The cloud cannot be reached ({rpc.Status.Detail}).",
        RpcException { StatusCode: StatusCode.DeadlineExceeded } => "The cloud did not answer in time.",
        RpcException { StatusCode: StatusCode.Unauthenticated or StatusCode.PermissionDenied } rpc =>
            $"The cloud refused this car's token ({rpc.StatusCode}).",
        RpcException rpc => $"The cloud answered with an error ({rpc.StatusCode}: {rpc.Status.Detail}).",
        _ => $"The cloud failed ({exception.GetType().Name}: {exception.Message}).",
    };

    private static CloudOptions Validated(CloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new CloudOptionsValidator().Validate(null, options);
        if (result.Failed || options.Endpoint is null)
        {
            throw new OptionsValidationException(
                CloudOptions.SectionName, typeof(CloudOptions), result.Failed ? result.Failures : ["Cloud:Endpoint is not set."]);
        }

        return options;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Cloud {Kind} question failed after {ElapsedMs:0} ms: {Problem}")]
        public static partial void CloudFailed(ILogger logger, string kind, string problem, double elapsedMs);

        [LoggerMessage(4, LogLevel.Information, "The cloud has no answer to this {Kind} question: {Problem}")]
        public static partial void NotKnown(ILogger logger, string kind, string problem);

        [LoggerMessage(2, LogLevel.Information, "Answered the {Kind} question from the cache (offline)")]
        public static partial void AnsweredFromCache(ILogger logger, string kind);

        [LoggerMessage(3, LogLevel.Warning, "The answer cache failed")]
        public static partial void CacheFailed(ILogger logger, Exception exception);
    }
}
