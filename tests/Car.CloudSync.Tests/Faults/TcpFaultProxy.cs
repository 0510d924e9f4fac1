using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Car.CloudSync.Tests.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1:0 in front of a server, which tests switch between passing, refusing, delaying each chunk,
/// blackholing and cutting every live connection mid-call.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _live = new();
    private readonly Task _accepting;

    public TcpFaultProxy(IPEndPoint target)
    {
        Target = target;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public IPEndPoint Target { get; set; }

    public ProxyMode Mode { get; set; }

    /// <summary>How long each chunk of bytes waits before it is forwarded (either way).</summary>
    public TimeSpan ChunkDelay { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => _accepted;

    private int _accepted;

    /// <summary>Resets every live connection, as a dropped link or a crashed server does mid-call.</summary>
    public void CutAll()
    {
        foreach (var socket in _live.Keys)
        {
            Reset(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(Socket client)
    {
        _live.TryAdd(client, 0);
        Socket? server = null;
        try
        {
            switch (Mode)
            {
                case ProxyMode.Refuse:
                    Reset(client);
                    return;
                case ProxyMode.Blackhole:
                    await DrainAsync(client);
                    return;
            }

            server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            _live.TryAdd(server, 0);
            try
            {
                await server.ConnectAsync(Target, _stop.Token);
            }
            catch (SocketException)
            {
                Reset(client);
                return;
            }

            client.NoDelay = true;
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            Reset(client);
            if (server is not null)
            {
                Reset(server);
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (ChunkDelay > TimeSpan.Zero)
                {
                    await Task.Delay(ChunkDelay, _stop.Token);
                }

                if (Mode == ProxyMode.Blackhole)
                {
                    continue;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task DrainAsync(Socket client)
    {
        var buffer = new byte[16 * 1024];
        while (await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
        {
        }
    }

    private void Reset(Socket socket)
    {
        _live.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }
}
