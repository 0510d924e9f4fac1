namespace Car.Assistant.Policy;

/// <summary>What became of a target sent to the bus.</summary>
public enum ActionStatus
{
    /// <summary>The current value reached the target.</summary>
    Confirmed,

    /// <summary>The bus took the target, but the current value had not reached it when the wait ended.</summary>
    NotReached,

    /// <summary>The bus refused the target (unknown signal, out of range, …).</summary>
    Rejected,

    /// <summary>Not sent: the state at that moment put it outside the safety envelope.</summary>
    Blocked,

    /// <summary>The bus failed or did not answer in time.</summary>
    Failed,
}
