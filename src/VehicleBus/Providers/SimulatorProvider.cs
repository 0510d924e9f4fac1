using System.Threading.Channels;
using Car.VehicleBus.Broker;
using Car.VehicleBus.Client;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Providers;

/// <summary>
/// The simulated car as a kuksa.val.v2 provider: over OpenProviderStream it claims every actuator the broker
/// knows, registers every signal, publishes the simulator's values as they change and carries out the actuations
/// the broker forwards (answering each with an error or OK). The same code serves a broker in this process (over
/// loopback) and one on the network; it reconnects with backoff. <see cref="SimulatorProviderOptions.Fault"/>
/// makes it a bad provider on purpose.
/// </summary>
public sealed partial class SimulatorProvider : BackgroundService
{
    private readonly VehicleSimulator _simulator;
    private readonly SimulatorProviderOptions _options;
    private readonly BrokerEndpoint? _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger<SimulatorProvider> _logger;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _gone;

    public SimulatorProvider(
        VehicleSimulator simulator,
        IOptions<SimulatorProviderOptions> options,
        TimeProvider time,
        ILogger<SimulatorProvider> logger,
        BrokerEndpoint? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _simulator = simulator;
        _options = options.Value;
        _endpoint = endpoint;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes once the provider has claimed its actuators and published its first values.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = _options.Url is { Length: > 0 } configured
            ? new Uri(configured)
            : _endpoint is not null
                ? await _endpoint.Address.WaitAsync(stoppingToken).ConfigureAwait(false)
                : throw new InvalidOperationException($"{SimulatorProviderOptions.SectionName}:Url is not set and no broker runs in this process.");
        var delay = _options.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested && !_gone)
        {
            try
            {
                using var connection = KuksaConnection.Open(url, _options.TokenFile);
                await ProvideAsync(connection, () => delay = _options.ReconnectDelay, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is RpcException or IOException or InvalidOperationException)
            {
                Log.Lost(_logger, url, e.Message, delay.TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (_gone)
            {
                Log.Gone(_logger);
                return;
            }

            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task ProvideAsync(KuksaConnection connection, Action connected, CancellationToken stoppingToken)
    {
        var metadata = await connection.Client.ListMetadataAsync(new ListMetadataRequest { Root = string.Empty }, connection.Options(stoppingToken, TimeSpan.FromSeconds(5)));
        var catalog = _simulator.Catalog;
        var remote = metadata.Metadata
            .Where(m => catalog.TryGet(m.Path, out var s) && !s.IsArray)
            .GroupBy(m => m.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var ids = remote.ToDictionary(m => m.Path, m => m.Id, StringComparer.Ordinal);
        var byId = remote.ToDictionary(m => m.Id);

        using var call = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stream = connection.Client.OpenProviderStream(connection.Options(call.Token));
        var outbox = Channel.CreateUnbounded<OpenProviderStreamRequest>(new UnboundedChannelOptions { SingleReader = true });
        var writer = Task.Run(
            async () =>
            {
                await foreach (var message in outbox.Reader.ReadAllAsync(call.Token).ConfigureAwait(false))
                {
                    await stream.RequestStream.WriteAsync(message, call.Token).ConfigureAwait(false);
                }
            },
            call.Token);

        var claim = new ProvideActuationRequest();
        claim.ActuatorIdentifiers.AddRange(remote.Where(m => m.EntryType == EntryType.Actuator).Select(m => new SignalID { Id = m.Id }));
        var provide = new ProvideSignalRequest();
        foreach (var m in remote)
        {
            provide.SignalsSampleIntervals[m.Id] = new SampleInterval { IntervalMs = 0 };
        }

        // Changes are taken from the moment of subscribing, so none falls between the snapshot and the stream.
        using var changes = _simulator.Subscribe(change =>
        {
            if (ids.TryGetValue(change.Path, out var id) && Datapoint(byId[id], change.Value) is { } datapoint)
            {
                var publish = new PublishValuesRequest();
                publish.DataPoints[id] = datapoint;
                outbox.Writer.TryWrite(new OpenProviderStreamRequest { PublishValuesRequest = publish });
            }
        });
        await outbox.Writer.WriteAsync(new OpenProviderStreamRequest { ProvideActuationRequest = claim }, call.Token).ConfigureAwait(false);
        await outbox.Writer.WriteAsync(new OpenProviderStreamRequest { ProvideSignalRequest = provide }, call.Token).ConfigureAwait(false);
        var snapshot = await _simulator.GetSnapshotAsync(call.Token).ConfigureAwait(false);
        var first = new PublishValuesRequest { RequestId = 1 };
        foreach (var m in remote)
        {
            if (Datapoint(m, snapshot[m.Path]) is { } datapoint)
            {
                first.DataPoints[m.Id] = datapoint;
            }
        }

        await outbox.Writer.WriteAsync(new OpenProviderStreamRequest { PublishValuesRequest = first }, call.Token).ConfigureAwait(false);
        using var cyclic = _time.CreateTimer(
            _ => _ = RepublishAsync(remote, outbox.Writer, call.Token), null, _options.RepublishInterval, _options.RepublishInterval);
        Log.Providing(_logger, connection.Url, claim.ActuatorIdentifiers.Count, provide.SignalsSampleIntervals.Count, _options.Fault);
        try
        {
            await foreach (var message in stream.ResponseStream.ReadAllAsync(call.Token).ConfigureAwait(false))
            {
                switch (message.ActionCase)
                {
                    case OpenProviderStreamResponse.ActionOneofCase.ProvideSignalResponse:
                        connected();
                        _ready.TrySetResult();
                        break;
                    case OpenProviderStreamResponse.ActionOneofCase.BatchActuateStreamRequest:
                        if (_options.Fault == ProviderFault.Gone)
                        {
                            // Gone in the middle of an actuation: the call ends, the claims go with it.
                            _gone = true;
                            await call.CancelAsync().ConfigureAwait(false);
                            return;
                        }

                        if (_options.Fault == ProviderFault.Silent)
                        {
                            Log.Ignored(_logger, message.BatchActuateStreamRequest.ActuateRequests.Count);
                            break;
                        }

                        foreach (var request in message.BatchActuateStreamRequest.ActuateRequests)
                        {
                            var answer = await ActuateAsync(request, byId, call.Token).ConfigureAwait(false);
                            await outbox.Writer.WriteAsync(new OpenProviderStreamRequest { BatchActuateStreamResponse = answer }, call.Token).ConfigureAwait(false);
                        }

                        break;
                    case OpenProviderStreamResponse.ActionOneofCase.PublishValuesResponse:
                        foreach (var (id, error) in message.PublishValuesResponse.Status)
                        {
                            Log.PublishRefused(_logger, byId.TryGetValue(id, out var m) ? m.Path : id.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
                        }

                        break;
                    case OpenProviderStreamResponse.ActionOneofCase.GetProviderValueRequest:
                        var pull = message.GetProviderValueRequest;
                        var values = new GetProviderValueResponse { RequestId = pull.RequestId };
                        var now = await _simulator.GetSnapshotAsync(call.Token).ConfigureAwait(false);
                        foreach (var id in pull.SignalIds)
                        {
                            if (byId.TryGetValue(id, out var m) && Datapoint(m, now[m.Path]) is { } datapoint)
                            {
                                values.Entries[id] = datapoint;
                            }
                        }

                        await outbox.Writer.WriteAsync(new OpenProviderStreamRequest { GetProviderValueResponse = values }, call.Token).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            outbox.Writer.TryComplete();
            await call.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException or IOException or InvalidOperationException)
            {
                // The stream is over.
            }
        }

        if (!stoppingToken.IsCancellationRequested && !_gone)
        {
            throw new IOException("The broker ended the provider stream.");
        }
    }

    private async Task RepublishAsync(List<Kuksa.Val.V2.Metadata> remote, ChannelWriter<OpenProviderStreamRequest> outbox, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _simulator.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
            var publish = new PublishValuesRequest();
            foreach (var m in remote)
            {
                if (Datapoint(m, snapshot[m.Path]) is { } datapoint)
                {
                    publish.DataPoints[m.Id] = datapoint;
                }
            }

            outbox.TryWrite(new OpenProviderStreamRequest { PublishValuesRequest = publish });
        }
        catch (OperationCanceledException)
        {
            // The stream is closing.
        }
    }

    private async Task<BatchActuateStreamResponse> ActuateAsync(
        ActuateRequest request, Dictionary<int, Kuksa.Val.V2.Metadata> byId, CancellationToken cancellationToken)
    {
        var answer = new BatchActuateStreamResponse { SignalId = request.SignalId };
        var path = request.SignalId.SignalCase == SignalID.SignalOneofCase.Path
            ? request.SignalId.Path
            : byId.TryGetValue(request.SignalId.Id, out var m) ? m.Path : null;
        if (path is null || KuksaValues.ToSignalValue(request.Value) is not { } value)
        {
            answer.Error = new Error { Code = path is null ? ErrorCode.NotFound : ErrorCode.InvalidArgument, Message = "Not a signal or value this car knows." };
            return answer;
        }

        try
        {
            await _simulator.ActuateAsync(path, value, cancellationToken).ConfigureAwait(false);
            answer.Error = new Error { Code = ErrorCode.Ok };
        }
        catch (VehicleBusException e)
        {
            answer.Error = new Error { Code = e.Error == VehicleBusError.UnknownSignal ? ErrorCode.NotFound : ErrorCode.InvalidArgument, Message = e.Message };
        }

        return answer;
    }

    private static Datapoint? Datapoint(Kuksa.Val.V2.Metadata metadata, SignalValue value)
    {
        try
        {
            return new Datapoint { Value = KuksaValues.FromSignalValue(metadata.Path, metadata.DataType, value) };
        }
        catch (VehicleBusException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Providing the simulated car to {Broker}: {Actuators} actuators, {Signals} signals (fault: {Fault})")]
        public static partial void Providing(ILogger logger, Uri broker, int actuators, int signals, ProviderFault fault);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the broker {Broker} ({Reason}); reconnecting in {Seconds} s")]
        public static partial void Lost(ILogger logger, Uri broker, string reason, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Fault 'Gone': the simulated car left the broker during an actuation and stays away")]
        public static partial void Gone(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Fault 'Silent': ignored {Count} actuations")]
        public static partial void Ignored(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The broker refused the simulated value of {Signal}: {Reason}")]
        public static partial void PublishRefused(ILogger logger, string signal, string reason);
    }
}
