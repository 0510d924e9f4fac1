using System.Runtime.InteropServices;

namespace Car.VehicleBus.Can.Transport;

/// <summary>The libc calls and kernel structs of SocketCAN raw sockets (<c>linux/can.h</c>, <c>linux/can/raw.h</c>).</summary>
internal static unsafe partial class SocketCanInterop
{
    /// <summary>glibc by its soname: the bare "libc" would be probed as libc.so, a linker script on glibc systems.</summary>
    public const string Libc = "libc.so.6";

    public const int PfCan = 29;
    public const int SockRaw = 3;
    public const int CanRaw = 1;
    public const short PollIn = 0x001;
    public const uint CanEffFlag = 0x8000_0000;
    public const uint CanRtrFlag = 0x4000_0000;
    public const uint CanErrFlag = 0x2000_0000;
    public const uint CanEffMask = 0x1FFF_FFFF;
    public const uint CanSffMask = 0x0000_07FF;
    public const int Eintr = 4;
    public const int Eagain = 11;

    [LibraryImport(Libc, EntryPoint = "socket", SetLastError = true)]
    public static partial CanSocketHandle Socket(int domain, int type, int protocol);

    [LibraryImport(Libc, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint InterfaceIndex(string name);

    [LibraryImport(Libc, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(CanSocketHandle socket, SockAddrCan* address, uint addressLength);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(CanSocketHandle socket, CanFrameNative* frame, nuint count);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(CanSocketHandle socket, CanFrameNative* frame, nuint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary><c>struct can_frame</c>: 16 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CanFrameNative
    {
        public uint CanId;
        public byte Length;
        public byte Pad;
        public byte Reserved0;
        public byte Len8Dlc;
        public ulong Data;
    }

    /// <summary><c>struct sockaddr_can</c>: 24 bytes; the address union (transport protocol, J1939) stays zero for raw sockets.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockAddrCan
    {
        public ushort Family;
        public int InterfaceIndex;
        public ulong Address0;
        public ulong Address1;
    }

    /// <summary><c>struct pollfd</c>: 8 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
