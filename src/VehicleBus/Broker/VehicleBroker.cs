using System.Collections.Frozen;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Car.VehicleBus.Signals;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Broker;

/// <summary>
/// The state behind the kuksa.val.v2 service: one entry per catalog signal with an id (catalog order, from 0),
/// its current value, its subscribers and the providers that claimed it. Rejections are <see cref="RpcException"/>s
/// with KUKSA's status codes, so the service passes them on as they are.
/// </summary>
/// <remarks>
/// Where Car differs from KUKSA on purpose: a subscriber that falls behind keeps the latest value of each signal
/// (updates are merged, never a whole batch dropped); claims are released as soon as a provider's stream ends,
/// half-closed or not (KUKSA issue #139); BatchActuate checks every owner before forwarding anything; and when a
/// provider goes, its signals lose their value (subscribers see a datapoint without value) instead of going stale.
/// </remarks>
public sealed class VehicleBroker
{
    /// <summary>Paths and patterns longer than this are refused (KUKSA's limit).</summary>
    public const int MaxPathLength = 1000;

    private readonly BrokerEntry[] _entries;
    private readonly FrozenDictionary<string, BrokerEntry> _byPath;
    private readonly TimeProvider _time;
    private readonly Lock _claims = new();
    private int _nextProvider;

    public VehicleBroker(SignalCatalog catalog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _time = time;
        _entries = [.. catalog.Signals.Select((s, i) => new BrokerEntry(i, s))];
        _byPath = _entries.ToFrozenDictionary(e => e.Signal.Path, StringComparer.Ordinal);
    }

    public SignalCatalog Catalog { get; }

    internal IReadOnlyList<BrokerEntry> Entries => _entries;

    internal Timestamp Now() => Timestamp.FromDateTimeOffset(_time.GetUtcNow());

    internal DateTimeOffset UtcNow => _time.GetUtcNow();

    internal BrokerEntry Resolve(SignalID? id) => id?.SignalCase switch
    {
        SignalID.SignalOneofCase.Id => Resolve(id.Id),
        SignalID.SignalOneofCase.Path => Resolve(id.Path),
        _ => throw Status(StatusCode.InvalidArgument, "The signal id is missing."),
    };

    internal BrokerEntry Resolve(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw Status(StatusCode.InvalidArgument, "The signal path is empty.");
        }

        if (path.Length > MaxPathLength)
        {
            throw Status(StatusCode.InvalidArgument, $"The path is longer than {MaxPathLength} characters.");
        }

        return _byPath.TryGetValue(path, out var entry) ? entry : throw Status(StatusCode.NotFound, $"Unknown signal '{path}'.");
    }

    internal BrokerEntry Resolve(int id) =>
        (uint)id < (uint)_entries.Length ? _entries[id] : throw Status(StatusCode.NotFound, $"Unknown signal id {id}.");

    /// <summary>
    /// The entries a ListMetadata root matches: "" everything; a signal; a branch and all below it; or a pattern where
    /// <c>*</c> is one level and <c>**</c> any depth.
    /// </summary>
    internal List<BrokerEntry> Match(string root)
    {
        if (root.Length > MaxPathLength)
        {
            throw Status(StatusCode.InvalidArgument, $"The pattern is longer than {MaxPathLength} characters.");
        }

        if (root.Length == 0)
        {
            return [.. _entries];
        }

        var segments = root.Split('.');
        if (segments.Any(s => s.Length == 0 || (s.Contains('*', StringComparison.Ordinal) && s is not ("*" or "**"))))
        {
            throw Status(StatusCode.InvalidArgument, $"'{root}' is not a path pattern (Vehicle.Cabin, Vehicle.*.Speed, Vehicle.**).");
        }

        var regex = new Regex(
            "^" + string.Join(@"\.", segments.Select(s => s switch { "*" => "[^.]+", "**" => ".+", _ => Regex.Escape(s) })) + @"(\..+)?$",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        var matched = _entries.Where(e => regex.IsMatch(e.Signal.Path)).ToList();
        return matched.Count > 0 ? matched : throw Status(StatusCode.NotFound, $"Nothing matches '{root}'.");
    }

    /// <summary>The stored datapoint: the last published, or one with only a timestamp when none was.</summary>
    internal Datapoint Current(BrokerEntry entry) => entry.Current ?? new Datapoint { Timestamp = Now() };

    /// <summary>Stores a checked value (null: no value) and tells the entry's subscribers.</summary>
    internal void Publish(BrokerEntry entry, Value? value)
    {
        // Attributes are static (KUKSA's default change type): they notify only when the value differs.
        if (entry.Signal.Kind == SignalKind.Attribute && Equals(entry.Current?.Value, value) && entry.Current is not null)
        {
            return;
        }

        var datapoint = new Datapoint { Timestamp = Now(), Value = value };
        entry.Current = datapoint;
        foreach (var subscriber in entry.Subscribers)
        {
            subscriber.Post(entry.Id, datapoint);
        }
    }

    internal static Subscriber Subscribe(IReadOnlyList<BrokerEntry> entries)
    {
        var subscriber = new Subscriber(entries);
        foreach (var entry in entries.Distinct())
        {
            lock (entry)
            {
                entry.Subscribers = [.. entry.Subscribers, subscriber];
            }
        }

        return subscriber;
    }

    internal static void Unsubscribe(Subscriber subscriber)
    {
        foreach (var entry in subscriber.Entries.Distinct())
        {
            lock (entry)
            {
                entry.Subscribers = [.. entry.Subscribers.Where(s => s != subscriber)];
            }
        }
    }

    internal ProviderSession OpenProvider(KuksaAccess access) => new(Interlocked.Increment(ref _nextProvider), access);

    /// <summary>Makes the session the one owner of the actuators; one already owned by another ends the call (ALREADY_EXISTS).</summary>
    internal void ClaimActuators(ProviderSession session, IReadOnlyList<BrokerEntry> entries)
    {
        lock (_claims)
        {
            if (session.IsClosed)
            {
                throw Status(StatusCode.Aborted, "The provider stream has ended.");
            }

            if (entries.FirstOrDefault(e => e.Owner is { } owner && owner != session) is { } taken)
            {
                throw Status(StatusCode.AlreadyExists, $"{taken.Signal.Path} is already provided by another provider.");
            }

            foreach (var entry in entries)
            {
                entry.Owner = session;
                session.Actuators.Add(entry);
            }
        }
    }

    /// <summary>Registers the session as the source of the signals' current values (extending any earlier set).</summary>
    internal void ClaimSignals(ProviderSession session, IReadOnlyList<BrokerEntry> entries)
    {
        lock (_claims)
        {
            if (session.IsClosed)
            {
                throw Status(StatusCode.Aborted, "The provider stream has ended.");
            }

            if (entries.FirstOrDefault(e => e.SignalProvider is { } owner && owner != session) is { } taken)
            {
                throw Status(StatusCode.AlreadyExists, $"{taken.Signal.Path} is already registered by another provider.");
            }

            foreach (var entry in entries)
            {
                entry.SignalProvider = session;
                session.Signals.Add(entry);
            }

            session.IsSignalProvider = true;
        }
    }

    /// <summary>Releases everything the session claimed; its signals lose their value, which subscribers see.</summary>
    internal void CloseProvider(ProviderSession session)
    {
        List<BrokerEntry> released = [];
        lock (_claims)
        {
            session.IsClosed = true;
            foreach (var entry in session.Actuators.Concat(session.Signals).Distinct())
            {
                if (entry.Owner == session)
                {
                    entry.Owner = null;
                }

                if (entry.SignalProvider == session)
                {
                    entry.SignalProvider = null;
                }

                released.Add(entry);
            }
        }

        session.Outbound.Writer.TryComplete();
        foreach (var entry in released)
        {
            if (entry.Owner is null && entry.SignalProvider is null)
            {
                Publish(entry, null);
            }
        }
    }

    /// <summary>
    /// Checks every actuation (actuator, value, right to actuate, an owner), then forwards them, one request per owning
    /// provider. Nothing is forwarded when any check fails. OK means queued to the provider, not done.
    /// </summary>
    internal async ValueTask ActuateAsync(IReadOnlyList<ActuateRequest> requests, KuksaAccess access, CancellationToken cancellationToken)
    {
        var checkedRequests = new List<(BrokerEntry Entry, Value Value)>(requests.Count);
        foreach (var request in requests)
        {
            var entry = Resolve(request.SignalId);
            if (!access.CanActuate(entry.Signal.Path))
            {
                throw Status(StatusCode.PermissionDenied, $"The token may not actuate {entry.Signal.Path}.");
            }

            if (entry.Signal.Kind != SignalKind.Actuator)
            {
                throw Status(StatusCode.InvalidArgument, $"{entry.Signal.Path} is a {entry.Signal.Kind.ToString().ToLowerInvariant()}, not an actuator.");
            }

            if (KuksaValues.Check(entry.Signal, request.Value) is { } reason)
            {
                throw Status(StatusCode.InvalidArgument, reason);
            }

            checkedRequests.Add((entry, request.Value));
        }

        var byOwner = new Dictionary<ProviderSession, BatchActuateStreamRequest>();
        foreach (var (entry, value) in checkedRequests)
        {
            var owner = entry.Owner;
            if (owner is null || owner.IsClosed)
            {
                throw Status(StatusCode.Unavailable, $"No provider has claimed {entry.Signal.Path}.");
            }

            if (!byOwner.TryGetValue(owner, out var batch))
            {
                byOwner[owner] = batch = new BatchActuateStreamRequest();
            }

            batch.ActuateRequests.Add(new ActuateRequest { SignalId = new SignalID { Id = entry.Id }, Value = value });
        }

        foreach (var (owner, batch) in byOwner)
        {
            try
            {
                await owner.Outbound.Writer.WriteAsync(new OpenProviderStreamResponse { BatchActuateStreamRequest = batch }, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                throw Status(StatusCode.Unavailable, "The provider disconnected.");
            }
        }
    }

    internal static RpcException Status(StatusCode code, string detail) => new(new Status(code, detail));
}
