namespace Car.Assistant.Policy;

/// <summary>What became of a target sent to the bus.</summary>
public enum ActionStatus
{
    /// <summary>The current value reached the target.</summary>
    Confirmed,

    /// <summary>The bus took the target and the part was still on its way when the wait ended (a slow motor).</summary>
    NotReached,

    /// <summary>The part moved toward the target and stopped short of it (a window on an obstacle); the error says where.</summary>
    PartlyDone,

    /// <summary>The bus took the target but nothing happened: the part did not move, or its provider went away.</summary>
    NotDone,

    /// <summary>The bus refused the target (unknown signal, out of range, …).</summary>
    Rejected,

    /// <summary>Not sent: the state at that moment put it outside the safety envelope.</summary>
    Blocked,

    /// <summary>The bus failed or did not answer in time.</summary>
    Failed,
}
