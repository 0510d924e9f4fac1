using System.Threading.Channels;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Broker;

/// <summary>
/// One Subscribe call's queue. Updates are merged per signal (the latest wins) until the call takes them, so a slow
/// reader never loses a signal's newest value and never blocks the publisher.
/// </summary>
internal sealed class Subscriber(IReadOnlyList<BrokerEntry> entries)
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Dictionary<int, Datapoint> _pending = [];

    public IReadOnlyList<BrokerEntry> Entries { get; } = entries;

    public void Post(int id, Datapoint datapoint)
    {
        bool ring;
        lock (_gate)
        {
            ring = _pending.Count == 0;
            _pending[id] = datapoint;
        }

        if (ring)
        {
            _bell.Writer.TryWrite(true);
        }
    }

    /// <summary>Waits for updates and takes them all, by signal id.</summary>
    public async ValueTask<Dictionary<int, Datapoint>> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    var taken = _pending;
                    _pending = new Dictionary<int, Datapoint>(taken.Count);
                    return taken;
                }
            }

            await _bell.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
