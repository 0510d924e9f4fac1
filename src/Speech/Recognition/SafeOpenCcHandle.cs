using Microsoft.Win32.SafeHandles;

namespace Car.Speech.Recognition;

/// <summary>An opencc_t; closed once. OpenCC reports failure as (opencc_t)-1, which this treats as invalid.</summary>
internal sealed class SafeOpenCcHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeOpenCcHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => OpenCcNative.Close(handle) == 0;
}
