using System.Runtime.InteropServices;

namespace Car.VehicleBus.Can.Transport;

/// <summary>A SocketCAN socket's file descriptor; closed in <see cref="ReleaseHandle"/> only.</summary>
internal sealed class CanSocketHandle : SafeHandle
{
    public CanSocketHandle()
        : base(-1, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == -1;

    protected override bool ReleaseHandle() => SocketCanInterop.Close((int)handle) == 0;
}
