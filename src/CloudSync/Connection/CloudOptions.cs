namespace Car.CloudSync.Connection;

/// <summary>
/// How the car reaches Car's cloud (section <c>Cloud</c>). With no <see cref="Endpoint"/> the car has no cloud: it answers
/// offline at once and reports nothing.
/// </summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";

    /// <summary>The server, e.g. <c>https://cloud.example.com</c>; plain <c>http</c> only on loopback. Null: no cloud.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>This car's id; it must be the id the token was issued for.</summary>
    public string VehicleId { get; set; } = "";

    /// <summary>The vehicle's token, sent as <c>authorization: Bearer &lt;token&gt;</c> on every call.</summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// The whole budget of one question to the cloud, retries included. The assistant answers within 1.5 s, so this
    /// leaves room for the offline fallback.
    /// </summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromMilliseconds(1200);

    /// <summary>How long opening a connection to the server may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle HTTP/2 connection is pinged so a dead link is noticed before the driver asks.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a keepalive ping may go unanswered before the connection is dropped.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where <c>outbox.db</c> and <c>cache.db</c> live; the assistant passes its data directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How many places or trips one answer asks for.</summary>
    public int MaxResults { get; set; } = 5;

    /// <summary>How far from where an answer was given a remembered answer still serves, offline.</summary>
    public double CacheRadiusMeters { get; set; } = 3000;

    /// <summary>How old a remembered answer may be and still be used offline.</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How many answers the cache keeps; the oldest go first.</summary>
    public int CacheMaxEntries { get; set; } = 500;

    /// <summary>Retries of a question after a transient failure (Unavailable, a lost connection), within the deadline.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls the breaker must see within its sampling window before it may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which the breaker counts failures.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers at once from the cache before one call tries the server again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many queued events one delivery sends.</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>The deadline of one delivery of a batch of events (it has no driver waiting on it).</summary>
    public TimeSpan DeliveryDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed delivery; it doubles with jitter up to <see cref="DeliveryMaxBackoff"/>.</summary>
    public TimeSpan DeliveryInitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between delivery attempts while the server cannot be reached.</summary>
    public TimeSpan DeliveryMaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
}
