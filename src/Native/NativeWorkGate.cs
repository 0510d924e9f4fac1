namespace Car.Native;

/// <summary>
/// Lets native calls in while their owner is alive and lets the owner's Dispose wait for them: closing sets the
/// abort flags of the calls in flight and waits (bounded) until they have left, so that nothing frees memory a
/// native thread still uses. A call after closing gets an <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class NativeWorkGate
{
    private readonly object _lock = new();
    private readonly List<NativeAbortFlag> _inFlight = [];
    private readonly string _owner;
    private bool _closed;

    public NativeWorkGate(string owner)
    {
        _owner = owner;
    }

    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    /// <summary>Admits one native call; <paramref name="abort"/> is set if the owner is disposed while it runs.</summary>
    public Pass Enter(NativeAbortFlag abort)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, _owner);
            _inFlight.Add(abort);
        }

        return new Pass(this, abort);
    }

    /// <summary>
    /// Refuses new calls, aborts those in flight and waits up to <paramref name="timeout"/> for them. False when a
    /// call is still running afterwards: the caller must then leave what that call uses allocated.
    /// </summary>
    public bool Close(TimeSpan timeout)
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var abort in _inFlight)
            {
                abort.Set();
            }

            var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            while (_inFlight.Count > 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_lock, TimeSpan.FromMilliseconds(left)))
                {
                    if (_inFlight.Count > 0)
                    {
                        Console.Error.WriteLine($"{_owner}: native work still running {timeout.TotalSeconds:0.#} s after dispose; its memory is left allocated.");
                        return false;
                    }
                }
            }

            return true;
        }
    }

    private void Leave(NativeAbortFlag abort)
    {
        lock (_lock)
        {
            _inFlight.Remove(abort);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>One admitted call; disposing it lets the owner's Dispose go on.</summary>
    public readonly struct Pass : IDisposable
    {
        private readonly NativeWorkGate? _gate;
        private readonly NativeAbortFlag? _abort;

        internal Pass(NativeWorkGate gate, NativeAbortFlag abort)
        {
            _gate = gate;
            _abort = abort;
        }

        public void Dispose() => _gate?.Leave(_abort!);
    }
}
