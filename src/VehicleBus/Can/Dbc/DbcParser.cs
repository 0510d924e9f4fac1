using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Dbc;

/// <summary>
/// Reads the DBC text format: <c>VERSION</c>, <c>BU_</c>, <c>BO_</c> with its <c>SG_</c> lines (plain and
/// multiplexed, <c>M</c>/<c>m3</c>), <c>CM_</c> comments, <c>VAL_</c> and <c>VAL_TABLE_</c> value tables,
/// <c>SIG_VALTYPE_</c> float signals and the <c>GenSigStartValue</c>/<c>GenMsgCycleTime</c> attributes. Other sections
/// (<c>NS_</c>, <c>BS_</c>, attribute definitions, environment variables, signal groups) are read past. Extended
/// multiplexing (<c>m3M</c>, <c>SG_MUL_VAL_</c>) is refused, not guessed at.
/// </summary>
public static class DbcParser
{
    /// <summary>DBC's "no node" name for a message without a sender or a signal without a receiver.</summary>
    public const string NoNode = "Vector__XXX";

    private const uint ExtendedFlag = 0x8000_0000;

    public static DbcDatabase Load(string path) => Parse(File.ReadAllText(path));

    /// <exception cref="DbcFormatException">The text is not DBC, or a signal cannot lie in its message.</exception>
    public static DbcDatabase Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new ParseState();
        var reader = new DbcReader(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        while (!reader.AtEnd)
        {
            var keyword = reader.ReadWord();
            switch (keyword)
            {
                case "VERSION":
                    state.Version = reader.ReadString();
                    break;
                case "NS_":
                    reader.SkipIndentedLines();
                    break;
                case "BS_":
                    reader.ReadRestOfLine();
                    break;
                case "BU_":
                    reader.Expect(':');
                    state.Nodes.AddRange(reader.ReadRestOfLine().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "BO_":
                    ReadMessage(reader, state);
                    break;
                case "SG_":
                    throw reader.Error("SG_ outside a BO_");
                case "CM_":
                    ReadComment(reader, state);
                    break;
                case "VAL_TABLE_":
                    state.ValueTables[reader.ReadWord()] = ReadValueDescriptions(reader);
                    break;
                case "VAL_":
                    ReadValueTable(reader, state);
                    break;
                case "SIG_VALTYPE_":
                    ReadValueType(reader, state);
                    break;
                case "BA_":
                    ReadAttribute(reader, state);
                    break;
                case "BA_DEF_DEF_":
                    if (reader.ReadString() == "GenSigStartValue")
                    {
                        state.DefaultStartValue = (long)Math.Round(reader.ReadNumber());
                    }

                    reader.SkipStatement();
                    break;
                case "SG_MUL_VAL_":
                    throw reader.Error("extended multiplexing (SG_MUL_VAL_) is not supported");
                default:
                    reader.SkipStatement();
                    break;
            }
        }

        return state.Build();
    }

    private static void ReadMessage(DbcReader reader, ParseState state)
    {
        var line = reader.Line;
        var rawId = (ulong)reader.ReadInteger();
        var name = reader.ReadWord();
        reader.Expect(':');
        var length = (int)reader.ReadInteger();
        var transmitter = reader.AtEndOfLine() ? NoNode : reader.ReadWord();
        var isExtended = (rawId & ExtendedFlag) != 0;
        var id = (uint)(rawId & ~(ulong)ExtendedFlag);
        var message = new MessageBuilder(id, isExtended, name, length, transmitter, line);
        while (reader.PeekWord() == "SG_")
        {
            reader.ReadWord();
            message.Signals.Add(ReadSignal(reader, message));
        }

        if (length is < 0 or > 8)
        {
            throw new DbcFormatException($"BO_ {name} is {length} bytes long; classic CAN frames carry 0 to 8", line);
        }

        if (id > (isExtended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId))
        {
            // Vector's VECTOR__INDEPENDENT_SIG_MSG (0xC0000000) parks unassigned signals; it is no frame.
            return;
        }

        if (state.Messages.Any(m => m.Id == id && m.IsExtended == isExtended))
        {
            throw new DbcFormatException($"BO_ {name} repeats identifier {id}", line);
        }

        state.Messages.Add(message);
    }

    private static SignalBuilder ReadSignal(DbcReader reader, MessageBuilder message)
    {
        var line = reader.Line;
        var name = reader.ReadWord();
        var isMultiplexor = false;
        long? multiplexValue = null;
        if (reader.Peek() != ':')
        {
            var indicator = reader.ReadWord();
            if (indicator == "M")
            {
                isMultiplexor = true;
            }
            else if (indicator.Length > 1 && indicator[0] == 'm' && indicator[1..].All(char.IsAsciiDigit))
            {
                multiplexValue = long.Parse(indicator[1..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                throw reader.Error(indicator.EndsWith('M')
                    ? $"SG_ {name}: extended multiplexing ('{indicator}') is not supported"
                    : $"SG_ {name}: '{indicator}' is not a multiplexer indicator (M or m<number>)");
            }
        }

        reader.Expect(':');
        var startBit = (int)reader.ReadInteger();
        reader.Expect('|');
        var length = (int)reader.ReadInteger();
        reader.Expect('@');
        var byteOrder = reader.ReadChar() switch
        {
            '1' => DbcByteOrder.Intel,
            '0' => DbcByteOrder.Motorola,
            var other => throw reader.Error($"SG_ {name}: byte order '{other}'; DBC writes @1 (Intel) or @0 (Motorola)"),
        };
        var valueType = reader.ReadChar() switch
        {
            '+' => DbcValueType.Unsigned,
            '-' => DbcValueType.Signed,
            var other => throw reader.Error($"SG_ {name}: value type '{other}'; DBC writes + or -"),
        };
        reader.Expect('(');
        var factor = reader.ReadNumber();
        reader.Expect(',');
        var offset = reader.ReadNumber();
        reader.Expect(')');
        reader.Expect('[');
        var minimum = reader.ReadNumber();
        reader.Expect('|');
        var maximum = reader.ReadNumber();
        reader.Expect(']');
        var unit = reader.ReadString();
        var receivers = reader.ReadRestOfLine().Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (factor == 0)
        {
            throw new DbcFormatException($"SG_ {name}: a factor of 0 loses every value", line);
        }

        if (message.Signals.Any(s => s.Signal.Name == name))
        {
            throw new DbcFormatException($"BO_ {message.Name} has two signals named {name}", line);
        }

        return new SignalBuilder(line)
        {
            Signal = new DbcSignal
            {
                Name = name,
                StartBit = startBit,
                Length = length,
                ByteOrder = byteOrder,
                ValueType = valueType,
                Factor = factor,
                Offset = offset,
                Minimum = minimum,
                Maximum = maximum,
                Unit = unit,
                Receivers = receivers,
                IsMultiplexor = isMultiplexor,
                MultiplexValue = multiplexValue,
            },
        };
    }

    private static void ReadComment(DbcReader reader, ParseState state)
    {
        if (reader.Peek() == '"')
        {
            state.Comment = reader.ReadString();
        }
        else
        {
            switch (reader.ReadWord())
            {
                case "BO_":
                    var messageId = reader.ReadInteger();
                    state.Message(reader, messageId).Comment = reader.ReadString();
                    break;
                case "SG_":
                    var id = reader.ReadInteger();
                    var signal = state.Signal(reader, id, reader.ReadWord());
                    signal.Signal = signal.Signal with { Comment = reader.ReadString() };
                    break;
                default:
                    // Comments on nodes and environment variables are not kept.
                    break;
            }
        }

        reader.SkipStatement();
    }

    private static void ReadValueTable(DbcReader reader, ParseState state)
    {
        if (!reader.NextIsNumber())
        {
            // VAL_ of an environment variable.
            reader.SkipStatement();
            return;
        }

        var id = reader.ReadInteger();
        var signal = state.Signal(reader, id, reader.ReadWord());
        signal.Signal = signal.Signal with { ValueDescriptions = ReadValueDescriptions(reader) };
    }

    private static Dictionary<long, string> ReadValueDescriptions(DbcReader reader)
    {
        var descriptions = new Dictionary<long, string>();
        while (!reader.TryConsume(';'))
        {
            var raw = reader.ReadInteger();
            descriptions[raw] = reader.ReadString();
        }

        return descriptions;
    }

    private static void ReadValueType(DbcReader reader, ParseState state)
    {
        var id = reader.ReadInteger();
        var signal = state.Signal(reader, id, reader.ReadWord());
        reader.TryConsume(':');
        var type = reader.ReadInteger() switch
        {
            0 => signal.Signal.ValueType,
            1 => DbcValueType.Float32,
            2 => DbcValueType.Float64,
            var other => throw reader.Error($"SIG_VALTYPE_ {other}; DBC knows 0 (integer), 1 (float) and 2 (double)"),
        };
        signal.Signal = signal.Signal with { ValueType = type };
        reader.SkipStatement();
    }

    private static void ReadAttribute(DbcReader reader, ParseState state)
    {
        var name = reader.ReadString();
        if (name == "GenSigStartValue" && reader.TryReadWord(out var kind) && kind == "SG_")
        {
            var id = reader.ReadInteger();
            var signal = state.Signal(reader, id, reader.ReadWord());
            signal.Signal = signal.Signal with { StartValue = (long)Math.Round(reader.ReadNumber()) };
            signal.HasStartValue = true;
        }
        else if (name == "GenMsgCycleTime" && reader.TryReadWord(out var objectKind) && objectKind == "BO_")
        {
            var id = reader.ReadInteger();
            state.Message(reader, id).CycleTime = TimeSpan.FromMilliseconds(reader.ReadNumber());
        }

        reader.SkipStatement();
    }

    private sealed class ParseState
    {
        public string Version { get; set; } = string.Empty;

        public string? Comment { get; set; }

        public List<string> Nodes { get; } = [];

        public List<MessageBuilder> Messages { get; } = [];

        public Dictionary<string, IReadOnlyDictionary<long, string>> ValueTables { get; } = new(StringComparer.Ordinal);

        public MessageBuilder Message(DbcReader reader, long fileId)
        {
            var id = (uint)(fileId & ~(long)ExtendedFlag);
            var isExtended = (fileId & ExtendedFlag) != 0;
            return Messages.FirstOrDefault(m => m.Id == id && m.IsExtended == isExtended)
                ?? throw reader.Error($"no BO_ with identifier {fileId}");
        }

        public SignalBuilder Signal(DbcReader reader, long fileId, string name)
        {
            var message = Message(reader, fileId);
            return message.Signals.FirstOrDefault(s => s.Signal.Name == name)
                ?? throw reader.Error($"BO_ {message.Name} has no signal {name}");
        }

        /// <summary>The <c>BA_DEF_DEF_</c> of <c>GenSigStartValue</c>: the start value of signals without their own.</summary>
        public long DefaultStartValue { get; set; }

        public DbcDatabase Build()
        {
            foreach (var signal in Messages.SelectMany(m => m.Signals).Where(s => !s.HasStartValue))
            {
                signal.Signal = signal.Signal with { StartValue = DefaultStartValue };
            }

            var messages = Messages.Select(m => m.Build()).ToList();
            return new DbcDatabase(Version, Nodes, messages, ValueTables, Comment);
        }
    }

    private sealed class MessageBuilder(uint id, bool isExtended, string name, int length, string transmitter, int line)
    {
        public uint Id => id;

        public bool IsExtended => isExtended;

        public string Name => name;

        public string? Comment { get; set; }

        public TimeSpan? CycleTime { get; set; }

        public List<SignalBuilder> Signals { get; } = [];

        public DbcMessage Build()
        {
            foreach (var signal in Signals.Select(s => (s.Line, s.Signal)))
            {
                var s = signal.Signal;
                if (CanSignalCodec.Layout(s.StartBit, s.Length, s.ByteOrder, s.ValueType, out _) is { } problem)
                {
                    throw new DbcFormatException($"SG_ {s.Name}: {problem}", signal.Line);
                }

                if (CanSignalCodec.LastByte(s.StartBit, s.Length, s.ByteOrder) >= length)
                {
                    throw new DbcFormatException($"SG_ {s.Name} runs past the {length} bytes of BO_ {name}", signal.Line);
                }
            }

            var multiplexors = Signals.Count(s => s.Signal.IsMultiplexor);
            if (multiplexors > 1 || (multiplexors == 0 && Signals.Any(s => s.Signal.MultiplexValue is not null)))
            {
                throw new DbcFormatException($"BO_ {name} needs exactly one multiplexor (M) for its multiplexed signals", line);
            }

            return new DbcMessage
            {
                Id = id,
                IsExtended = isExtended,
                Name = name,
                Length = length,
                Transmitter = transmitter,
                Signals = [.. Signals.Select(s => s.Signal)],
                Comment = Comment,
                CycleTime = CycleTime,
            };
        }
    }

    private sealed class SignalBuilder(int line)
    {
        public int Line => line;

        public required DbcSignal Signal { get; set; }

        public bool HasStartValue { get; set; }
    }
}
