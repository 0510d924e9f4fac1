using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;

namespace Car.Language.Compiled;

/// <summary>
/// A Fletcher-style sum over 64-bit lanes (a running sum and a sum of sums, so that changed, lost or swapped words all
/// show): cheap enough to run over the megabytes of a compiled file on every start (well under a millisecond), and
/// enough to tell a damaged file from a sound one. Not a defence against someone who means harm.
/// </summary>
internal struct Checksum
{
    private Vector128<ulong> _sum;
    private Vector128<ulong> _sumOfSums;
    private ulong _tail;
    private ulong _length;

    /// <summary>
    /// Adds <paramref name="bytes"/>. Pieces that are whole multiples of 16 bytes (as <see cref="CompiledFileWriter"/>
    /// writes them) give the same result however they are cut, so a reader sums the whole payload at once.
    /// </summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        _length += (ulong)bytes.Length;
        var lanes = MemoryMarshal.Cast<byte, ulong>(bytes);
        var vectors = MemoryMarshal.Cast<ulong, Vector128<ulong>>(lanes);
        var sum = _sum;
        var sumOfSums = _sumOfSums;
        foreach (var vector in vectors)
        {
            sum += vector;
            sumOfSums += sum;
        }

        _sum = sum;
        _sumOfSums = sumOfSums;
        foreach (var lane in lanes[(vectors.Length * Vector128<ulong>.Count)..])
        {
            _tail = (_tail * 0x100000001B3UL) ^ lane;
        }

        foreach (var b in bytes[(lanes.Length * sizeof(ulong))..])
        {
            _tail = (_tail * 0x100000001B3UL) ^ b;
        }
    }

    /// <summary>The lanes folded into one number.</summary>
    public readonly ulong Value
    {
        get
        {
            var value = _length;
            for (var i = 0; i < Vector128<ulong>.Count; i++)
            {
                value = (value * 0x9E3779B97F4A7C15UL) ^ _sum[i];
                value = (value * 0x9E3779B97F4A7C15UL) ^ _sumOfSums[i];
            }

            return (value * 0x9E3779B97F4A7C15UL) ^ _tail;
        }
    }
}
