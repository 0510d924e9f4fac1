using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>One node on a <see cref="LoopbackCanBus"/>; it does not receive its own frames.</summary>
public sealed class LoopbackCanTransport : ICanTransport
{
    private readonly LoopbackCanBus _bus;
    private readonly Channel<CanFrame> _inbox = Channel.CreateUnbounded<CanFrame>(new UnboundedChannelOptions { SingleReader = true });

    internal LoopbackCanTransport(LoopbackCanBus bus, string name)
    {
        _bus = bus;
        Name = name;
    }

    public string Name { get; }

    public ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _bus.Broadcast(this, frame);
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<CanFrame> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return frame;
        }
    }

    /// <summary>Leaves the bus; a reader's enumeration ends after the frames already delivered.</summary>
    public ValueTask DisposeAsync()
    {
        _bus.Remove(this);
        _inbox.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    internal void Deliver(CanFrame frame) => _inbox.Writer.TryWrite(frame);
}
