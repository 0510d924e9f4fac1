using System.Runtime.CompilerServices;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Can;

/// <summary>
/// The CAN side of the vehicle as a signal provider: actuation requests become command frames on the transport, and
/// the ECUs' frames become VSS values. A broker's provider stream (or <see cref="CanVehicleBus"/>) sits on top.
/// </summary>
public sealed class CanProvider
{
    private readonly TimeProvider _time;
    private long _framesReceived;
    private long _framesWithValues;

    public CanProvider(CanTranslator translator, ICanTransport transport, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(transport);
        Translator = translator;
        Transport = transport;
        _time = timeProvider ?? TimeProvider.System;
    }

    public CanTranslator Translator { get; }

    public ICanTransport Transport { get; }

    /// <summary>Frames read from the transport so far.</summary>
    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>Frames read so far that carried at least one mapped VSS value.</summary>
    public long FramesWithValues => Interlocked.Read(ref _framesWithValues);

    /// <summary>Sends the command frame that asks the ECU to move <paramref name="path"/> to <paramref name="target"/>.</summary>
    /// <exception cref="VehicleBusException">The path has no command signal, or the value does not fit it; nothing was sent.</exception>
    public ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default) =>
        ActuateAsync([new(path, target)], cancellationToken);

    /// <summary>
    /// Sends the frames for several targets, one per command message; every target is checked before any frame is sent.
    /// </summary>
    public async ValueTask ActuateAsync(IEnumerable<KeyValuePair<string, SignalValue>> targets, CancellationToken cancellationToken = default)
    {
        foreach (var frame in Translator.Encode(targets))
        {
            await Transport.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every VSS value the received frames carry, stamped with the time of arrival, until the transport ends. Values
    /// are reported each time a frame carries them, changed or not (cyclic ECU frames repeat them).
    /// </summary>
    public async IAsyncEnumerable<SignalChange> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var values = new List<KeyValuePair<string, SignalValue>>();
        await foreach (var frame in Transport.ReceiveAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _framesReceived);
            values.Clear();
            if (Translator.Decode(frame, values) == 0)
            {
                continue;
            }

            Interlocked.Increment(ref _framesWithValues);
            var now = _time.GetUtcNow();
            foreach (var (path, value) in values)
            {
                yield return new SignalChange(path, value, now);
            }
        }
    }

    /// <summary>Decodes one frame, for callers that read the transport themselves.</summary>
    public IReadOnlyList<KeyValuePair<string, SignalValue>> Decode(in CanFrame frame)
    {
        var values = new List<KeyValuePair<string, SignalValue>>();
        Translator.Decode(frame, values);
        return values;
    }
}
