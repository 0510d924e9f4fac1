using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Car.VehicleBus.Can.Codec;

namespace Car.VehicleBus.Can.Transport;

/// <summary>
/// A SocketCAN raw socket on a Linux CAN interface (<c>can0</c>, <c>vcan0</c>). Classic data frames only; remote,
/// error and CAN FD frames are passed over. Frames are read on a dedicated thread that polls the socket, so that
/// disposing stops it within <see cref="PollInterval"/>.
/// </summary>
public sealed unsafe class SocketCanTransport : ICanTransport
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly CanSocketHandle _socket;
    private readonly Channel<CanFrame> _inbox = Channel.CreateBounded<CanFrame>(
        new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private int _disposed;

    private SocketCanTransport(CanSocketHandle socket, string name)
    {
        _socket = socket;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Opens a raw CAN socket bound to <paramref name="interfaceName"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="IOException">The kernel has no CAN sockets, or the interface does not exist; the message says which.</exception>
    public static SocketCanTransport Open(string interfaceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interfaceName);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("SocketCAN exists on Linux only.");
        }

        var socket = SocketCanInterop.Socket(SocketCanInterop.PfCan, SocketCanInterop.SockRaw, SocketCanInterop.CanRaw);
        if (socket.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            socket.Dispose();
            throw new IOException($"Cannot open a CAN socket: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}); is the kernel's can/can_raw module loaded?");
        }

        try
        {
            var index = SocketCanInterop.InterfaceIndex(interfaceName);
            if (index == 0)
            {
                var error = Marshal.GetLastPInvokeError();
                throw new IOException($"No network interface '{interfaceName}': {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
            }

            var address = new SocketCanInterop.SockAddrCan { Family = SocketCanInterop.PfCan, InterfaceIndex = (int)index };
            if (SocketCanInterop.Bind(socket, &address, (uint)sizeof(SocketCanInterop.SockAddrCan)) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                throw new IOException($"Cannot bind a CAN socket to '{interfaceName}': {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
            }

            return new SocketCanTransport(socket, interfaceName);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var native = new SocketCanInterop.CanFrameNative
        {
            CanId = frame.IsExtended ? frame.Id | SocketCanInterop.CanEffFlag : frame.Id,
            Length = frame.Length,
            Data = frame.Data,
        };
        var written = SocketCanInterop.Write(_socket, &native, (nuint)sizeof(SocketCanInterop.CanFrameNative));
        if (written != sizeof(SocketCanInterop.CanFrameNative))
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot send {frame} on {Name}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
        }

        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<CanFrame> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _reader, new Thread(ReadLoop) { IsBackground = true, Name = $"SocketCAN {Name}" }, null) is null)
        {
            _reader!.Start();
        }

        await foreach (var frame in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return frame;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        _stop.Cancel();
        _reader?.Join();
        _socket.Dispose();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private void ReadLoop()
    {
        Exception? failure = null;
        var added = false;
        try
        {
            _socket.DangerousAddRef(ref added);
            var poll = new SocketCanInterop.PollFd { Fd = (int)_socket.DangerousGetHandle(), Events = SocketCanInterop.PollIn };
            while (!_stop.IsCancellationRequested)
            {
                poll.ReturnedEvents = 0;
                var ready = SocketCanInterop.Poll(&poll, 1, (int)PollInterval.TotalMilliseconds);
                if (ready == 0)
                {
                    continue;
                }

                var native = default(SocketCanInterop.CanFrameNative);
                var read = ready > 0 ? SocketCanInterop.Read(_socket, &native, (nuint)sizeof(SocketCanInterop.CanFrameNative)) : -1;
                if (read < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error is SocketCanInterop.Eintr or SocketCanInterop.Eagain)
                    {
                        continue;
                    }

                    throw new IOException($"Cannot read from {Name}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
                }

                if (read != sizeof(SocketCanInterop.CanFrameNative)
                    || (native.CanId & (SocketCanInterop.CanRtrFlag | SocketCanInterop.CanErrFlag)) != 0 || native.Length > 8)
                {
                    continue;
                }

                var extended = (native.CanId & SocketCanInterop.CanEffFlag) != 0;
                var frame = new CanFrame(
                    native.CanId & (extended ? SocketCanInterop.CanEffMask : SocketCanInterop.CanSffMask), native.Data, native.Length, extended);
                while (!_inbox.Writer.TryWrite(frame))
                {
                    _inbox.Writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException e)
        {
            failure = e;
        }
        finally
        {
            if (added)
            {
                _socket.DangerousRelease();
            }

            _inbox.Writer.TryComplete(failure);
        }
    }
}
