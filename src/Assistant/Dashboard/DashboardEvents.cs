using System.Threading.Channels;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The dashboard's live feed: each open <c>GET /api/events</c> stream gets every event published after it opened, as
/// Server-Sent Events. A reader that falls behind loses its oldest events, never blocks the car.
/// </summary>
public sealed class DashboardEvents
{
    private const int Backlog = 256;
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _readers = [];

    /// <summary>How many streams are open.</summary>
    public int Readers
    {
        get
        {
            lock (_gate)
            {
                return _readers.Count;
            }
        }
    }

    /// <summary>Sends one event (<paramref name="json"/> on one line) to every open stream.</summary>
    public void Publish(string name, string json)
    {
        var message = Frame(name, json);
        lock (_gate)
        {
            foreach (var reader in _readers)
            {
                reader.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>The events from now on, already framed as SSE, until <paramref name="cancellationToken"/> ends the stream.</summary>
    public async IAsyncEnumerable<string> ReadAsync(
        IEnumerable<string> first, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _readers.Add(channel);
        }

        try
        {
            foreach (var message in first)
            {
                yield return message;
            }

            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var message))
                {
                    yield return message;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _readers.Remove(channel);
            }
        }
    }

    /// <summary>Frames one event as SSE.</summary>
    public static string Frame(string name, string json) => $"event: {name}\ndata: {json}\n\n";
}
