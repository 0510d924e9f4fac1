namespace Car.CloudSync.Tests.Faults;

/// <summary>What the fault proxy does with connections.</summary>
public enum ProxyMode
{
    /// <summary>Forwards bytes both ways (after <see cref="TcpFaultProxy.ChunkDelay"/>, when set).</summary>
    Pass,

    /// <summary>Resets every new connection at once (a server that is down).</summary>
    Refuse,

    /// <summary>Accepts, reads and never answers (a link or a server that went silent); live connections go silent too.</summary>
    Blackhole,
}
