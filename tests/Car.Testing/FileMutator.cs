using System.Buffers.Binary;

namespace Car.Testing;

/// <summary>
/// Damages a valid file the way disks, downloads and attackers do: bit flips, random bytes, length fields set to
/// extremes (0, 2³¹, 0xFFFFFFFF, −1 as 64 bits…), truncations and inserted bytes. One to three steps per copy.
/// </summary>
public static class FileMutator
{
    private static readonly uint[] Extremes32 =
        [0, 1, 2, 0x7F, 0xFF, 0xFFFF, 0x7FFFFFF0, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFE, 0xFFFFFFFF];

    private static readonly ulong[] Extremes64 =
        [0, 1, 0xFFFFFFFF, 0x80000000, 0x1_0000_0000, long.MaxValue, 1UL << 63, ulong.MaxValue, ulong.MaxValue - 7];

    /// <summary>A damaged copy of <paramref name="original"/>; <paramref name="focus"/> bytes at the start get most of the damage.</summary>
    public static byte[] Mutate(Random random, byte[] original, int focus)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(original);
        var bytes = original.ToArray();
        for (var step = random.Next(1, 4); step > 0 && bytes.Length > 0; step--)
        {
            var head = Math.Min(bytes.Length, focus);
            var at = random.Next(2) == 0 ? random.Next(head) : random.Next(bytes.Length);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2 or 3:
                    if (at + 4 <= bytes.Length)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), Extremes32[random.Next(Extremes32.Length)]);
                    }

                    break;
                case 4:
                    if (at + 8 <= bytes.Length)
                    {
                        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), Extremes64[random.Next(Extremes64.Length)]);
                    }

                    break;
                case 5:
                    bytes = bytes[..random.Next(bytes.Length + 1)];
                    break;
                default:
                    var inserted = new byte[random.Next(1, 9)];
                    random.NextBytes(inserted);
                    bytes = [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
                    break;
            }
        }

        return bytes;
    }
}
