using Car.VehicleBus.Can.Dbc;

namespace Car.VehicleBus.Can.Codec;

/// <summary>
/// Encodes and decodes one DBC message's frames. Signals are addressed by their index in
/// <see cref="DbcMessage.Signals"/>. In a multiplexed message a frame carries the plain signals, the multiplexor, and
/// only those multiplexed signals whose value matches the multiplexor's.
/// </summary>
public sealed class CanMessageCodec
{
    private readonly CanSignalCodec[] _signals;
    private readonly long?[] _multiplexValues;
    private readonly int _multiplexor;

    public CanMessageCodec(DbcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        _signals = [.. message.Signals.Select(s => new CanSignalCodec(s))];
        _multiplexValues = [.. message.Signals.Select(s => s.MultiplexValue)];
        _multiplexor = message.Signals.ToList().FindIndex(s => s.IsMultiplexor);
        var start = 0UL;
        foreach (var signal in _signals)
        {
            signal.EncodeRaw(ref start, signal.Signal.StartValue);
        }

        StartPayload = start;
    }

    public DbcMessage Message { get; }

    public IReadOnlyList<CanSignalCodec> Signals => _signals;

    /// <summary>The payload with every signal at its start value (<c>GenSigStartValue</c>, else 0): what a command frame carries before its requests are written.</summary>
    public ulong StartPayload { get; }

    public int IndexOf(string signalName)
    {
        for (var i = 0; i < _signals.Length; i++)
        {
            if (string.Equals(_signals[i].Signal.Name, signalName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the frame with this payload carries signal <paramref name="index"/> (always, unless it is multiplexed).</summary>
    public bool Carries(int index, ulong data) =>
        _multiplexValues[index] is not { } selector || _signals[_multiplexor].DecodeRaw(data) == selector;

    public double Decode(int index, ulong data) => _signals[index].Decode(data);

    /// <summary>
    /// Decodes every signal of <paramref name="frame"/> into <paramref name="values"/>; <paramref name="carried"/> says which
    /// ones the frame holds (multiplexed signals of another multiplexor value are not). Returns how many it holds.
    /// </summary>
    public int DecodeAll(in CanFrame frame, Span<double> values, Span<bool> carried)
    {
        var data = frame.Data;
        var selector = _multiplexor >= 0 ? _signals[_multiplexor].DecodeRaw(data) : 0;
        var count = 0;
        for (var i = 0; i < _signals.Length; i++)
        {
            var holds = _multiplexValues[i] is not { } value || value == selector;
            carried[i] = holds;
            if (holds)
            {
                values[i] = _signals[i].Decode(data);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A frame with each signal at <paramref name="values"/>[i]; in a multiplexed message the multiplexor's value picks
    /// which multiplexed signals are written, the others are left out.
    /// </summary>
    public CanFrame Encode(ReadOnlySpan<double> values)
    {
        if (values.Length != _signals.Length)
        {
            throw new ArgumentException($"{Message.Name} has {_signals.Length} signals, not {values.Length}.", nameof(values));
        }

        var data = 0UL;
        long selector = 0;
        if (_multiplexor >= 0)
        {
            _signals[_multiplexor].Encode(ref data, values[_multiplexor]);
            selector = _signals[_multiplexor].DecodeRaw(data);
        }

        for (var i = 0; i < _signals.Length; i++)
        {
            if (i != _multiplexor && (_multiplexValues[i] is not { } value || value == selector))
            {
                _signals[i].Encode(ref data, values[i]);
            }
        }

        return CreateFrame(data);
    }

    /// <summary>
    /// Writes one signal's physical value into <paramref name="data"/> (a multiplexed signal also sets the multiplexor
    /// to its selector), or returns false and leaves the payload as it was when the value does not fit.
    /// </summary>
    public bool TryWrite(ref ulong data, int index, double physical)
    {
        var written = data;
        if (_multiplexValues[index] is { } selector)
        {
            _signals[_multiplexor].EncodeRaw(ref written, selector);
        }

        if (!_signals[index].TryEncode(ref written, physical))
        {
            return false;
        }

        data = written;
        return true;
    }

    /// <summary>Writes one signal's raw value; a multiplexed signal also sets the multiplexor to its selector.</summary>
    public void WriteRaw(ref ulong data, int index, long raw)
    {
        if (_multiplexValues[index] is { } selector)
        {
            _signals[_multiplexor].EncodeRaw(ref data, selector);
        }

        _signals[index].EncodeRaw(ref data, raw);
    }

    /// <summary>The multiplexor value that selects signal <paramref name="index"/>, or null for a plain signal.</summary>
    public long? MultiplexValue(int index) => _multiplexValues[index];

    public CanFrame CreateFrame(ulong data) => new(Message.Id, data, Message.Length, Message.IsExtended);
}
