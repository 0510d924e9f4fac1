using System.Diagnostics;
using System.Runtime.InteropServices;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Transport;
using Xunit.Abstractions;

namespace Car.VehicleBus.Tests.Can.Transport;

public class SocketCanTransportTests(ITestOutputHelper output)
{
    private const string Interface = "vcan0";

    [Fact]
    public void NativeStructs_MatchTheKernelLayout()
    {
        Assert.Equal(16, Marshal.SizeOf<SocketCanInterop.CanFrameNative>());
        Assert.Equal(4, (int)Marshal.OffsetOf<SocketCanInterop.CanFrameNative>(nameof(SocketCanInterop.CanFrameNative.Length)));
        Assert.Equal(7, (int)Marshal.OffsetOf<SocketCanInterop.CanFrameNative>(nameof(SocketCanInterop.CanFrameNative.Len8Dlc)));
        Assert.Equal(8, (int)Marshal.OffsetOf<SocketCanInterop.CanFrameNative>(nameof(SocketCanInterop.CanFrameNative.Data)));
        Assert.Equal(24, Marshal.SizeOf<SocketCanInterop.SockAddrCan>());
        Assert.Equal(4, (int)Marshal.OffsetOf<SocketCanInterop.SockAddrCan>(nameof(SocketCanInterop.SockAddrCan.InterfaceIndex)));
        Assert.Equal(8, (int)Marshal.OffsetOf<SocketCanInterop.SockAddrCan>(nameof(SocketCanInterop.SockAddrCan.Address0)));
        Assert.Equal(8, Marshal.SizeOf<SocketCanInterop.PollFd>());
        Assert.Equal(6, (int)Marshal.OffsetOf<SocketCanInterop.PollFd>(nameof(SocketCanInterop.PollFd.ReturnedEvents)));
    }

    [Fact]
    public void Open_NoSuchInterface_SaysWhy()
    {
        var error = Assert.Throws<IOException>(() => SocketCanTransport.Open("nocan42"));

        // Without CAN sockets in the kernel the socket itself fails; with them, the interface lookup does.
        Assert.Matches("Cannot open a CAN socket|No network interface 'nocan42'", error.Message);
    }

    [Fact]
    public async Task SendAsync_OnVcan0_ArrivesAtAnotherSocket()
    {
        if (VirtualCanUnavailable() is { } reason)
        {
            output.WriteLine($"SKIPPED SocketCAN on {Interface}: {reason}");
            return;
        }

        await using var headUnit = SocketCanTransport.Open(Interface);
        await using var ecu = SocketCanTransport.Open(Interface);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = ecu.ReceiveAsync(timeout.Token).Take(2).ToListAsync(timeout.Token).AsTask();
        await Task.Delay(200, timeout.Token);

        await headUnit.SendAsync(CanFrame.FromBytes(0x210, Convert.FromHexString("00287F7F7F007F80")), timeout.Token);
        await headUnit.SendAsync(CanFrame.FromBytes(0x18FF1234, [1, 2], isExtended: true), timeout.Token);

        Assert.Equal(["210#00287F7F7F007F80", "18FF1234#0102"], (await received).Select(f => f.ToString()));
    }

    /// <summary>Null when vcan0 is up (creating it if the kernel lets us), else why not.</summary>
    private static string? VirtualCanUnavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        if (!Directory.Exists($"/sys/class/net/{Interface}"))
        {
            if (Run("ip", $"link add dev {Interface} type vcan") is { } addError)
            {
                return $"cannot create it ('ip link add dev {Interface} type vcan': {addError})";
            }
        }

        if (Run("ip", $"link set up {Interface}") is { } upError)
        {
            return $"cannot bring it up: {upError}";
        }

        try
        {
            SocketCanTransport.Open(Interface).DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    private static string? Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var error = process.StandardError.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : error.Length > 0 ? error : $"exit code {process.ExitCode}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file}: {e.Message}";
        }
    }
}
