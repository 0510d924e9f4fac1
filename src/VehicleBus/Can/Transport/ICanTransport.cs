using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>A way onto a CAN bus: a SocketCAN interface, a candump log being replayed, or an in-memory bus for tests.</summary>
public interface ICanTransport : IAsyncDisposable
{
    /// <summary>A name for logs and candump files: the interface (<c>vcan0</c>) or the log file.</summary>
    string Name { get; }

    /// <summary>Puts a frame on the bus.</summary>
    ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default);

    /// <summary>
    /// The frames other nodes send, as they arrive, until the transport ends (a replay reaches the end of its log) or
    /// <paramref name="cancellationToken"/> is cancelled. One reader at a time.
    /// </summary>
    IAsyncEnumerable<CanFrame> ReceiveAsync(CancellationToken cancellationToken = default);
}
