using System.Threading.Channels;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Tests.Broker;

/// <summary>A hand-driven provider on OpenProviderStream: claims actuators, registers signals, records what the broker sends.</summary>
internal sealed class TestProvider : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<OpenProviderStreamRequest, OpenProviderStreamResponse> _call;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Channel<OpenProviderStreamResponse> _received = Channel.CreateUnbounded<OpenProviderStreamResponse>();
    private readonly Task _reader;

    private TestProvider(AsyncDuplexStreamingCall<OpenProviderStreamRequest, OpenProviderStreamResponse> call, Dictionary<string, int> ids)
    {
        _call = call;
        Ids = ids;
        _reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in _call.ResponseStream.ReadAllAsync(_cancel.Token))
                {
                    await _received.Writer.WriteAsync(message);
                }

                _received.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _received.Writer.TryComplete(e);
            }
        });
    }

    /// <summary>Every signal's id by path.</summary>
    public Dictionary<string, int> Ids { get; }

    public static async Task<TestProvider> OpenAsync(LoopbackBroker bus, Car.VehicleBus.Client.KuksaConnection? connection = null)
    {
        connection ??= bus.Connection;
        var metadata = await connection.Client.ListMetadataAsync(new ListMetadataRequest(), connection.Options(default, TimeSpan.FromSeconds(10)));
        var call = connection.Client.OpenProviderStream(connection.Options(default));
        return new TestProvider(call, metadata.Metadata.ToDictionary(m => m.Path, m => m.Id));
    }

    /// <summary>A provider that has claimed the actuators (and had the broker's answer).</summary>
    public static async Task<TestProvider> ClaimAsync(LoopbackBroker bus, params string[] paths)
    {
        var provider = await OpenAsync(bus);
        await provider.ClaimAsync(paths);
        return provider;
    }

    public async Task ClaimAsync(params string[] paths)
    {
        var claim = new ProvideActuationRequest();
        claim.ActuatorIdentifiers.AddRange(paths.Select(p => new SignalID { Path = p }));
        await SendAsync(new OpenProviderStreamRequest { ProvideActuationRequest = claim });
        var answer = await NextAsync();
        if (answer.ActionCase != OpenProviderStreamResponse.ActionOneofCase.ProvideActuationResponse)
        {
            throw new InvalidOperationException($"Expected provide_actuation_response, got {answer.ActionCase}.");
        }
    }

    public async Task ProvideAsync(params string[] paths)
    {
        var provide = new ProvideSignalRequest();
        foreach (var path in paths)
        {
            provide.SignalsSampleIntervals[Ids[path]] = new SampleInterval();
        }

        await SendAsync(new OpenProviderStreamRequest { ProvideSignalRequest = provide });
        var answer = await NextAsync();
        if (answer.ActionCase != OpenProviderStreamResponse.ActionOneofCase.ProvideSignalResponse)
        {
            throw new InvalidOperationException($"Expected provide_signal_response, got {answer.ActionCase}.");
        }
    }

    public Task PublishAsync(string path, Value value, uint requestId = 7)
    {
        var publish = new PublishValuesRequest { RequestId = requestId };
        publish.DataPoints[Ids[path]] = new Datapoint { Value = value };
        return SendAsync(new OpenProviderStreamRequest { PublishValuesRequest = publish });
    }

    public Task SendAsync(OpenProviderStreamRequest request) => _call.RequestStream.WriteAsync(request);

    /// <summary>The next message from the broker; an RpcException when the broker ended the call.</summary>
    public async Task<OpenProviderStreamResponse> NextAsync(TimeSpan? within = null)
    {
        using var limit = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(limit.Token);
    }

    /// <summary>Reads on until the broker ends the call; returns the status it ended with.</summary>
    public async Task<RpcException> EndAsync()
    {
        try
        {
            while (true)
            {
                await NextAsync();
            }
        }
        catch (ChannelClosedException e) when (e.InnerException is RpcException status)
        {
            return status;
        }
    }

    public async Task<BatchActuateStreamRequest> NextActuationAsync()
    {
        while (true)
        {
            var message = await NextAsync();
            if (message.ActionCase == OpenProviderStreamResponse.ActionOneofCase.BatchActuateStreamRequest)
            {
                return message.BatchActuateStreamRequest;
            }
        }
    }

    public async Task<bool> HasActuationWithinAsync(TimeSpan within)
    {
        try
        {
            await NextActuationAsync().WaitAsync(within);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Leaves the broker by cancelling the call (what releases a KUKSA provider's claims).</summary>
    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        _call.Dispose();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _cancel.Dispose();
    }
}
