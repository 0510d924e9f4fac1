using System.Collections.Frozen;

namespace Car.VehicleBus.Can.Dbc;

/// <summary>A parsed DBC file: the nodes of a CAN network and the messages they send. Read it with <see cref="DbcParser"/>.</summary>
public sealed class DbcDatabase
{
    private readonly FrozenDictionary<string, DbcMessage> _byName;
    private readonly FrozenDictionary<ulong, DbcMessage> _byId;

    public DbcDatabase(
        string version,
        IReadOnlyList<string> nodes,
        IReadOnlyList<DbcMessage> messages,
        IReadOnlyDictionary<string, IReadOnlyDictionary<long, string>>? valueTables = null,
        string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Version = version;
        Nodes = nodes;
        Messages = messages;
        ValueTables = valueTables ?? new Dictionary<string, IReadOnlyDictionary<long, string>>();
        Comment = comment;
        _byName = messages.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        _byId = messages.ToFrozenDictionary(m => Key(m.Id, m.IsExtended));
    }

    public string Version { get; }

    public IReadOnlyList<string> Nodes { get; }

    public IReadOnlyList<DbcMessage> Messages { get; }

    /// <summary>Named value tables (<c>VAL_TABLE_</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<long, string>> ValueTables { get; }

    /// <summary>The file's own comment (<c>CM_ "…";</c>).</summary>
    public string? Comment { get; }

    public bool TryGetMessage(uint id, bool isExtended, out DbcMessage message) =>
        _byId.TryGetValue(Key(id, isExtended), out message!);

    public bool TryGetMessage(string name, out DbcMessage message) => _byName.TryGetValue(name, out message!);

    private static ulong Key(uint id, bool isExtended) => isExtended ? id | (1UL << 32) : id;
}
