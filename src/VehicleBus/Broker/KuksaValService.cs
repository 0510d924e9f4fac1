using System.Security.Cryptography;
using System.Text.Json;
using Car.VehicleBus.Signals;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Logging;

namespace Car.VehicleBus.Broker;

/// <summary>The kuksa.val.v2 <c>VAL</c> service over <see cref="VehicleBroker"/> (the spec's §2 and §5, RPC by RPC).</summary>
internal sealed partial class KuksaValService : VAL.VALBase
{
    private const int MaxBufferSize = 1000;
    private readonly VehicleBroker _broker;
    private readonly KuksaTokenValidator? _tokens;
    private readonly ILogger<KuksaValService> _logger;

    public KuksaValService(VehicleBroker broker, BrokerAuthorization authorization, ILogger<KuksaValService> logger)
    {
        _broker = broker;
        _tokens = authorization.Validator;
        _logger = logger;
    }

    public override Task<GetServerInfoResponse> GetServerInfo(GetServerInfoRequest request, ServerCallContext context)
    {
        Authorize(context);
        return Task.FromResult(new GetServerInfoResponse
        {
            // KUKSA's own name, which clients may look for; the version says whose broker it is.
            Name = "databroker",
            Version = "car-" + (typeof(KuksaValService).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
            CommitHash = string.Empty,
        });
    }

    public override Task<GetValueResponse> GetValue(GetValueRequest request, ServerCallContext context)
    {
        var access = Authorize(context);
        return Task.FromResult(new GetValueResponse { DataPoint = Read(request.SignalId, access) });
    }

    public override Task<GetValuesResponse> GetValues(GetValuesRequest request, ServerCallContext context)
    {
        var access = Authorize(context);
        var response = new GetValuesResponse();
        foreach (var id in request.SignalIds)
        {
            response.DataPoints.Add(Read(id, access));
        }

        return Task.FromResult(response);
    }

    public override Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        var access = Authorize(context);
        CheckSubscription(request.SignalPaths.Count, request.BufferSize);
        var entries = request.SignalPaths.Select(_broker.Resolve).ToList();
        return StreamAsync(entries, access, request.Filter, context, async (updates, ct) =>
        {
            var response = new SubscribeResponse();
            foreach (var (id, datapoint) in updates)
            {
                response.Entries[_broker.Entries[id].Signal.Path] = datapoint;
            }

            await responseStream.WriteAsync(response, ct).ConfigureAwait(false);
        });
    }

    public override Task SubscribeById(SubscribeByIdRequest request, IServerStreamWriter<SubscribeByIdResponse> responseStream, ServerCallContext context)
    {
        var access = Authorize(context);
        CheckSubscription(request.SignalIds.Count, request.BufferSize);
        var entries = request.SignalIds.Select(_broker.Resolve).ToList();
        return StreamAsync(entries, access, request.Filter, context, async (updates, ct) =>
        {
            var response = new SubscribeByIdResponse();
            response.Entries.Add(updates);
            await responseStream.WriteAsync(response, ct).ConfigureAwait(false);
        });
    }

    public override async Task<ActuateResponse> Actuate(ActuateRequest request, ServerCallContext context)
    {
        var access = Authorize(context);
        await _broker.ActuateAsync([request], access, context.CancellationToken).ConfigureAwait(false);
        return new ActuateResponse();
    }

    public override async Task<ActuateResponse> ActuateStream(IAsyncStreamReader<ActuateRequest> requestStream, ServerCallContext context)
    {
        var access = Authorize(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await _broker.ActuateAsync([request], access, context.CancellationToken).ConfigureAwait(false);
        }

        return new ActuateResponse();
    }

    public override async Task<BatchActuateResponse> BatchActuate(BatchActuateRequest request, ServerCallContext context)
    {
        var access = Authorize(context);
        await _broker.ActuateAsync(request.ActuateRequests, access, context.CancellationToken).ConfigureAwait(false);
        return new BatchActuateResponse();
    }

    public override Task<ListMetadataResponse> ListMetadata(ListMetadataRequest request, ServerCallContext context)
    {
        Authorize(context);
        var response = new ListMetadataResponse();
        response.Metadata.AddRange(_broker.Match(request.Root).Select(e => e.Metadata));
        return Task.FromResult(response);
    }

    public override Task<PublishValueResponse> PublishValue(PublishValueRequest request, ServerCallContext context)
    {
        var access = Authorize(context);
        var entry = _broker.Resolve(request.SignalId);
        if (!access.CanProvide(entry.Signal.Path))
        {
            throw VehicleBroker.Status(StatusCode.PermissionDenied, $"The token may not provide {entry.Signal.Path}.");
        }

        if (request.DataPoint is null)
        {
            throw VehicleBroker.Status(StatusCode.InvalidArgument, "The datapoint is missing.");
        }

        var value = request.DataPoint.Value;
        if (KuksaValues.HasValue(value) && KuksaValues.Check(entry.Signal, value) is { } reason)
        {
            throw VehicleBroker.Status(StatusCode.InvalidArgument, reason);
        }

        _broker.Publish(entry, KuksaValues.HasValue(value) ? value : null);
        return Task.FromResult(new PublishValueResponse());
    }

    public override async Task OpenProviderStream(
        IAsyncStreamReader<OpenProviderStreamRequest> requestStream,
        IServerStreamWriter<OpenProviderStreamResponse> responseStream,
        ServerCallContext context)
    {
        var access = Authorize(context);
        var session = _broker.OpenProvider(access);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        ExpireWith(call, access);
        var writer = Task.Run(
            async () =>
            {
                await foreach (var message in session.Outbound.Reader.ReadAllAsync(call.Token).ConfigureAwait(false))
                {
                    await responseStream.WriteAsync(message, call.Token).ConfigureAwait(false);
                }
            },
            call.Token);
        Log.ProviderConnected(_logger, session.Number, context.Peer);
        try
        {
            await foreach (var request in requestStream.ReadAllAsync(call.Token).ConfigureAwait(false))
            {
                var reply = Handle(session, request);
                if (reply is not null)
                {
                    await session.Outbound.Writer.WriteAsync(reply, call.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (call.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Only the token's expiry cancels the call besides the caller (a timer may fire a moment before the clock says so).
            throw VehicleBroker.Status(StatusCode.Unauthenticated, "The provider's token has expired.");
        }
        finally
        {
            _broker.CloseProvider(session);
            await call.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The call is over; nothing more can be written to it.
            }

            Log.ProviderDisconnected(_logger, session.Number, session.Actuators.Count, session.Signals.Count);
        }
    }

    private OpenProviderStreamResponse? Handle(ProviderSession session, OpenProviderStreamRequest request)
    {
        switch (request.ActionCase)
        {
            case OpenProviderStreamRequest.ActionOneofCase.ProvideActuationRequest:
                var actuators = request.ProvideActuationRequest.ActuatorIdentifiers.Select(_broker.Resolve).ToList();
                if (actuators.FirstOrDefault(e => !session.Access.CanActuate(e.Signal.Path)) is { } denied)
                {
                    throw VehicleBroker.Status(StatusCode.PermissionDenied, $"The token may not claim {denied.Signal.Path} (needs actuate).");
                }

                _broker.ClaimActuators(session, actuators);
                return new OpenProviderStreamResponse { ProvideActuationResponse = new ProvideActuationResponse() };

            case OpenProviderStreamRequest.ActionOneofCase.ProvideSignalRequest:
                var signals = request.ProvideSignalRequest.SignalsSampleIntervals.Keys.Select(_broker.Resolve).ToList();
                if (signals.FirstOrDefault(e => !session.Access.CanProvide(e.Signal.Path)) is { } refused)
                {
                    throw VehicleBroker.Status(StatusCode.PermissionDenied, $"The token may not provide {refused.Signal.Path}.");
                }

                _broker.ClaimSignals(session, signals);
                return new OpenProviderStreamResponse { ProvideSignalResponse = new ProvideSignalResponse() };

            case OpenProviderStreamRequest.ActionOneofCase.PublishValuesRequest:
                return Publish(session, request.PublishValuesRequest);

            case OpenProviderStreamRequest.ActionOneofCase.BatchActuateStreamResponse:
                var answer = request.BatchActuateStreamResponse;
                if (answer.Error is { Code: not (ErrorCode.Ok or ErrorCode.Unspecified) } error)
                {
                    Log.ProviderRefused(_logger, session.Number, answer.SignalId, error.Code, error.Message);
                }

                return null;

            case OpenProviderStreamRequest.ActionOneofCase.UpdateFilterResponse:
            case OpenProviderStreamRequest.ActionOneofCase.ProviderErrorIndication:
                return session.IsSignalProvider
                    ? null
                    : throw VehicleBroker.Status(StatusCode.Aborted, "Register signals (provide_signal_request) first.");

            case OpenProviderStreamRequest.ActionOneofCase.GetProviderValueResponse:
                // This broker never pulls values (it answers reads from what was published), so there is nothing to hand on.
                return null;

            default:
                throw VehicleBroker.Status(StatusCode.InvalidArgument, "The provider stream message carries no action.");
        }
    }

    private OpenProviderStreamResponse? Publish(ProviderSession session, PublishValuesRequest request)
    {
        if (!session.IsSignalProvider)
        {
            throw VehicleBroker.Status(StatusCode.Aborted, "Register signals (provide_signal_request) before publishing them.");
        }

        PublishValuesResponse? failures = null;
        foreach (var (id, datapoint) in request.DataPoints)
        {
            var entry = _broker.Resolve(id);
            if (entry.SignalProvider != session)
            {
                throw VehicleBroker.Status(StatusCode.AlreadyExists, $"{entry.Signal.Path} is not registered by this provider.");
            }

            var value = datapoint?.Value;
            if (KuksaValues.HasValue(value) && KuksaValues.Check(entry.Signal, value) is { } reason)
            {
                failures ??= new PublishValuesResponse { RequestId = request.RequestId };
                failures.Status[id] = new Error { Code = ErrorCode.InvalidArgument, Message = reason };
                continue;
            }

            _broker.Publish(entry, KuksaValues.HasValue(value) ? value : null);
        }

        return failures is null ? null : new OpenProviderStreamResponse { PublishValuesResponse = failures };
    }

    private Datapoint Read(SignalID? id, KuksaAccess access)
    {
        var entry = _broker.Resolve(id);
        return access.CanRead(entry.Signal.Path)
            ? _broker.Current(entry)
            : throw VehicleBroker.Status(StatusCode.PermissionDenied, $"The token may not read {entry.Signal.Path}.");
    }

    private static void CheckSubscription(int count, uint bufferSize)
    {
        if (count == 0)
        {
            throw VehicleBroker.Status(StatusCode.InvalidArgument, "Subscribe to at least one signal.");
        }

        if (bufferSize > MaxBufferSize)
        {
            throw VehicleBroker.Status(StatusCode.InvalidArgument, $"buffer_size is at most {MaxBufferSize}.");
        }
    }

    /// <summary>
    /// Sends every subscribed signal at once (no value where none is set), then each batch of changes. Signals the
    /// token may not read are left out without an error, as KUKSA does. With a minimum sample interval, changes
    /// that come sooner are merged into the next message.
    /// </summary>
    private async Task StreamAsync(
        List<BrokerEntry> entries,
        KuksaAccess access,
        Filter? filter,
        ServerCallContext context,
        Func<Dictionary<int, Datapoint>, CancellationToken, Task> write)
    {
        var readable = entries.Where(e => access.CanRead(e.Signal.Path)).Distinct().ToList();
        var subscriber = VehicleBroker.Subscribe(readable);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        ExpireWith(call, access);
        var interval = TimeSpan.FromMilliseconds(filter?.MinSampleInterval?.IntervalMs ?? 0);
        try
        {
            await write(readable.ToDictionary(e => e.Id, _broker.Current), call.Token).ConfigureAwait(false);
            while (true)
            {
                var updates = await subscriber.NextAsync(call.Token).ConfigureAwait(false);
                await write(updates, call.Token).ConfigureAwait(false);
                if (interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, call.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (call.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Only the token's expiry cancels the call besides the subscriber (a timer may fire a moment before the clock says so).
            throw VehicleBroker.Status(StatusCode.Unauthenticated, "The token has expired.");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The subscriber went away.
        }
        finally
        {
            VehicleBroker.Unsubscribe(subscriber);
        }
    }

    private void ExpireWith(CancellationTokenSource call, KuksaAccess access)
    {
        var left = access.Expires - _broker.UtcNow;
        if (left < TimeSpan.FromDays(30))
        {
            call.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    /// <summary>Allow-all without a key; otherwise the bearer token's rights, or UNAUTHENTICATED.</summary>
    private KuksaAccess Authorize(ServerCallContext context)
    {
        if (_tokens is null)
        {
            return KuksaAccess.AllowAll;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            throw VehicleBroker.Status(StatusCode.Unauthenticated, "This broker needs a token: authorization: Bearer <JWT>.");
        }

        try
        {
            return _tokens.Validate(header["Bearer ".Length..].Trim());
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw VehicleBroker.Status(StatusCode.Unauthenticated, $"The token is not valid: {e.Message}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Number} connected from {Peer}")]
        public static partial void ProviderConnected(ILogger logger, int number, string peer);

        [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Number} disconnected; released {Actuators} actuators and {Signals} signals")]
        public static partial void ProviderDisconnected(ILogger logger, int number, int actuators, int signals);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Provider {Number} refused an actuation of {Signal}: {Code} {Message}")]
        public static partial void ProviderRefused(ILogger logger, int number, SignalID? signal, ErrorCode code, string message);
    }
}

/// <summary>The broker's token check: null when authorization is off.</summary>
internal sealed record BrokerAuthorization(KuksaTokenValidator? Validator);
