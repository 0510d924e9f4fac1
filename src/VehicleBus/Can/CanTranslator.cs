using System.Globalization;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Dbc;
using Car.VehicleBus.Can.Mapping;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Can;

/// <summary>
/// Turns VSS values into CAN frames and back, through a <see cref="CanMapping"/> over a <see cref="DbcDatabase"/>.
/// Built once (every name in the mapping is checked against the DBC and the catalog); thread-safe afterwards.
/// </summary>
public sealed class CanTranslator
{
    private readonly Dictionary<ulong, FrameReader> _readers = [];
    private readonly Dictionary<ulong, FrameReader> _commandReaders = [];
    private readonly Dictionary<string, Binding> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CanMessageCodec> _codecs = new(StringComparer.Ordinal);

    /// <exception cref="CanMappingException">The mapping names a path, message, signal or value that does not exist, or binds a target to a sensor.</exception>
    public CanTranslator(DbcDatabase dbc, CanMapping mapping, SignalCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(dbc);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        foreach (var entry in mapping.Signals)
        {
            if (!catalog.TryGet(entry.Path, out var definition))
            {
                throw new CanMappingException($"{entry.Path} is not in the VSS catalog");
            }

            if (entry.Target is not null && definition.Kind != SignalKind.Actuator)
            {
                throw new CanMappingException($"{entry.Path} is a {definition.Kind.ToString().ToLowerInvariant()}; only actuators take a target");
            }

            if (entry.Current is { } current)
            {
                var binding = Bind(dbc, definition, current);
                var key = Key(binding.Codec.Message.Id, binding.Codec.Message.IsExtended);
                if (!_readers.TryGetValue(key, out var reader))
                {
                    _readers[key] = reader = new FrameReader(binding.Codec);
                }

                reader.Bindings.Add(binding);
            }

            if (entry.Target is { } target)
            {
                var binding = Bind(dbc, definition, target);
                _targets[entry.Path] = binding;
                var key = Key(binding.Codec.Message.Id, binding.Codec.Message.IsExtended);
                if (!_commandReaders.TryGetValue(key, out var reader))
                {
                    _commandReaders[key] = reader = new FrameReader(binding.Codec);
                }

                reader.Bindings.Add(binding);
            }
        }

        MappedPaths = [.. mapping.Signals.Select(s => s.Path)];
    }

    public SignalCatalog Catalog { get; }

    /// <summary>Reads a mapping file and the DBC file it names (relative to the mapping file).</summary>
    /// <exception cref="CanMappingException">The mapping is malformed or does not fit the DBC or the catalog.</exception>
    /// <exception cref="DbcFormatException">The DBC file does not parse.</exception>
    public static CanTranslator Load(string mappingFile, SignalCatalog catalog)
    {
        var mapping = CanMappingLoader.Load(mappingFile);
        var dbcPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mappingFile))!, mapping.DbcFile);
        return new CanTranslator(DbcParser.Load(dbcPath), mapping, catalog);
    }

    /// <summary>The VSS paths the mapping covers.</summary>
    public IReadOnlyList<string> MappedPaths { get; }

    /// <summary>Whether <paramref name="path"/> has a command signal, so that actuating it sends a frame.</summary>
    public bool CanActuate(string path) => _targets.ContainsKey(path);

    /// <summary>Whether frames with this identifier carry any mapped signal.</summary>
    public bool Reads(uint id, bool isExtended) => _readers.ContainsKey(Key(id, isExtended));

    /// <summary>
    /// Adds to <paramref name="values"/> the VSS values <paramref name="frame"/> carries. A raw value the mapping does
    /// not name, or one outside the VSS signal's range (an ECU's "invalid" or "no request"), is left out. Returns how
    /// many values it added.
    /// </summary>
    public int Decode(in CanFrame frame, ICollection<KeyValuePair<string, SignalValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!_readers.TryGetValue(Key(frame.Id, frame.IsExtended), out var reader) || frame.Length < reader.Codec.Message.Length)
        {
            return 0;
        }

        var added = 0;
        foreach (var binding in reader.Bindings)
        {
            if (binding.Codec.Carries(binding.Index, frame.Data) && binding.ToVss(frame.Data) is { } value)
            {
                values.Add(new(binding.Definition.Path, value));
                added++;
            }
        }

        return added;
    }

    /// <summary>
    /// The ECU's side of <see cref="Decode"/>: adds the targets a command frame requests. A command signal at its start
    /// value (its "no request") requests nothing. Returns how many it added.
    /// </summary>
    public int DecodeTargets(in CanFrame frame, ICollection<KeyValuePair<string, SignalValue>> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (!_commandReaders.TryGetValue(Key(frame.Id, frame.IsExtended), out var reader) || frame.Length < reader.Codec.Message.Length)
        {
            return 0;
        }

        var added = 0;
        foreach (var binding in reader.Bindings)
        {
            if (binding.Codec.Carries(binding.Index, frame.Data)
                && binding.Codec.Signals[binding.Index].DecodeRaw(frame.Data) != binding.Codec.Signals[binding.Index].Signal.StartValue
                && binding.ToVss(frame.Data) is { } value)
            {
                targets.Add(new(binding.Definition.Path, value));
                added++;
            }
        }

        return added;
    }

    /// <summary>
    /// The ECU's side of <see cref="Encode(IEnumerable{KeyValuePair{string, SignalValue}})"/>: the status frames that
    /// report the current values <paramref name="valueOf"/> gives, one per status message (one per multiplexor value
    /// in a multiplexed one). A value the signal cannot carry is left at the signal's start value.
    /// </summary>
    public IReadOnlyList<CanFrame> EncodeStatus(Func<string, SignalValue?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var frames = new List<CanFrame>();
        foreach (var reader in _readers.Values)
        {
            var selectors = reader.Bindings.Select(b => b.Codec.MultiplexValue(b.Index)).Where(v => v is not null).Distinct().DefaultIfEmpty(null);
            foreach (var selector in selectors)
            {
                var data = reader.Codec.StartPayload;
                foreach (var binding in reader.Bindings)
                {
                    var own = binding.Codec.MultiplexValue(binding.Index);
                    if ((own is null || own == selector) && valueOf(binding.Definition.Path) is { } value)
                    {
                        binding.TryWrite(ref data, value);
                    }
                }

                frames.Add(reader.Codec.CreateFrame(data));
            }
        }

        return frames;
    }

    /// <summary>The frame that requests <paramref name="target"/> for the actuator at <paramref name="path"/>.</summary>
    /// <exception cref="VehicleBusException">No command signal for the path, or the value does not fit it.</exception>
    public CanFrame Encode(string path, SignalValue target)
    {
        var binding = TargetBinding(path);
        var data = binding.Codec.StartPayload;
        binding.WriteTarget(ref data, target);
        return binding.Codec.CreateFrame(data);
    }

    /// <summary>
    /// The frames that request the targets: one per command message (per multiplexor value in a multiplexed one),
    /// every other signal of it at its start value (its "no request").
    /// </summary>
    /// <exception cref="VehicleBusException">A path has no command signal, or a value does not fit its signal.</exception>
    public IReadOnlyList<CanFrame> Encode(IEnumerable<KeyValuePair<string, SignalValue>> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var payloads = new List<(CanMessageCodec Codec, long? Selector, ulong Data)>();
        foreach (var (path, value) in targets)
        {
            var binding = TargetBinding(path);
            var selector = binding.Codec.MultiplexValue(binding.Index);
            var at = payloads.FindIndex(p => p.Codec == binding.Codec && p.Selector == selector);
            if (at < 0)
            {
                payloads.Add((binding.Codec, selector, binding.Codec.StartPayload));
                at = payloads.Count - 1;
            }

            var data = payloads[at].Data;
            binding.WriteTarget(ref data, value);
            payloads[at] = payloads[at] with { Data = data };
        }

        return [.. payloads.Select(p => p.Codec.CreateFrame(p.Data))];
    }

    private Binding TargetBinding(string path) => _targets.TryGetValue(path, out var binding)
        ? binding
        : throw (Catalog.TryGet(path, out _)
            ? new VehicleBusException(VehicleBusError.NotAnActuator, path, $"{path} has no command signal on CAN.")
            : new VehicleBusException(VehicleBusError.UnknownSignal, path, $"Unknown signal '{path}'."));

    private static ulong Key(uint id, bool isExtended) => isExtended ? id | (1UL << 32) : id;

    private Binding Bind(DbcDatabase dbc, SignalDefinition definition, CanSignalBinding binding)
    {
        if (!dbc.TryGetMessage(binding.Message, out var message))
        {
            throw new CanMappingException($"{definition.Path}: the DBC has no message {binding.Message}");
        }

        if (!_codecs.TryGetValue(message.Name, out var codec))
        {
            _codecs[message.Name] = codec = new CanMessageCodec(message);
        }

        var index = codec.IndexOf(binding.Signal);
        if (index < 0)
        {
            throw new CanMappingException($"{definition.Path}: {binding.Message} has no signal {binding.Signal}");
        }

        var signal = message.Signals[index];
        var pairs = new List<(SignalValue Vss, long Raw)>();
        foreach (var pair in binding.Values ?? [])
        {
            if (definition.Validate(pair.Vss) is { } reason)
            {
                throw new CanMappingException($"{definition.Path}: the value map's {reason}");
            }

            long raw;
            if (!signal.TryGetRawValue(pair.Dbc, out raw) && !long.TryParse(pair.Dbc, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out raw))
            {
                throw new CanMappingException($"{definition.Path}: '{pair.Dbc}' is neither a value of {signal.Name} nor a whole number");
            }

            pairs.Add((pair.Vss, raw));
        }

        if (definition.DataType == SignalDataType.String && pairs.Count == 0)
        {
            throw new CanMappingException($"{definition.Path} is a string; its binding to {signal.Name} needs a value map");
        }

        return new Binding(definition, codec, index, binding.Linear, pairs);
    }

    private sealed class FrameReader(CanMessageCodec codec)
    {
        public CanMessageCodec Codec => codec;

        public List<Binding> Bindings { get; } = [];
    }

    private sealed class Binding(
        SignalDefinition definition, CanMessageCodec codec, int index, CanLinearTransform? linear, List<(SignalValue Vss, long Raw)> pairs)
    {
        private readonly Dictionary<long, SignalValue> _byRaw = pairs.GroupBy(p => p.Raw).ToDictionary(g => g.Key, g => g.First().Vss);
        private readonly bool _integer = definition.DataType is not (SignalDataType.Float or SignalDataType.Double);

        public SignalDefinition Definition => definition;

        public CanMessageCodec Codec => codec;

        public int Index => index;

        public SignalValue? ToVss(ulong data)
        {
            SignalValue value;
            if (pairs.Count > 0)
            {
                if (!_byRaw.TryGetValue(codec.Signals[index].DecodeRaw(data), out value))
                {
                    return null;
                }
            }
            else
            {
                var physical = codec.Decode(index, data);
                if (linear is not null)
                {
                    physical = Math.Round((physical * linear.Factor) + linear.Offset, 6);
                }

                value = definition.DataType == SignalDataType.Boolean
                    ? SignalValue.FromBoolean(physical != 0)
                    : SignalValue.FromNumber(_integer ? Math.Round(physical) : physical);
            }

            return Fits(value) ? value : null;
        }

        /// <summary>
        /// <see cref="SignalDefinition.Validate"/> without its message: a frame's value out of range (an ECU's "invalid")
        /// is common on a bus and must not cost a formatted string. Values from the map were validated at load.
        /// </summary>
        private bool Fits(SignalValue value)
        {
            if (value.Kind != SignalValueKind.Number || pairs.Count > 0)
            {
                return true;
            }

            var number = value.AsNumber();
            return double.IsFinite(number)
                && (definition.Min is not { } min || number >= min)
                && (definition.Max is not { } max || number <= max);
        }

        public void WriteTarget(ref ulong data, SignalValue target)
        {
            if (definition.Validate(target) is { } reason)
            {
                throw new VehicleBusException(
                    target.Kind == SignalValueKind.Number && definition.DataType is not (SignalDataType.Boolean or SignalDataType.String)
                        ? VehicleBusError.OutOfRange
                        : VehicleBusError.WrongType,
                    definition.Path,
                    reason);
            }

            if (!TryWrite(ref data, target))
            {
                throw new VehicleBusException(VehicleBusError.OutOfRange, definition.Path, pairs.Count > 0
                    ? $"{definition.Path} has no CAN value for '{target}'."
                    : $"{definition.Path}: {target} does not fit {codec.Signals[index].Signal.Name}.");
            }
        }

        /// <summary>Writes the value through the value map or the linear transform; false (payload unchanged) when it does not fit.</summary>
        public bool TryWrite(ref ulong data, SignalValue value)
        {
            if (pairs.Count > 0)
            {
                var pair = pairs.FindIndex(p => p.Vss == value);
                if (pair < 0)
                {
                    return false;
                }

                codec.WriteRaw(ref data, index, pairs[pair].Raw);
                return true;
            }

            if (value.Kind == SignalValueKind.String)
            {
                return false;
            }

            var physical = value.Kind == SignalValueKind.Boolean ? (value.AsBoolean() ? 1 : 0) : value.AsNumber();
            if (linear is not null)
            {
                physical = (physical - linear.Offset) / linear.Factor;
            }

            return codec.TryWrite(ref data, index, physical);
        }
    }
}
