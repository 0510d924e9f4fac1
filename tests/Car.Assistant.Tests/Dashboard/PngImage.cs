using System.Buffers.Binary;
using System.IO.Compression;

namespace Car.Assistant.Tests.Dashboard;

/// <summary>
/// Just enough of PNG to read the browser's screenshots: 8-bit RGB or RGBA, not interlaced (what Chromium writes),
/// with the five row filters. The pixels come out as RGBA.
/// </summary>
internal sealed class PngImage
{
    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2]);
        }
    }

    /// <summary>How many pixels of the rectangle are within <paramref name="tolerance"/> of the colour in each channel.</summary>
    public int Count(int left, int top, int width, int height, (byte R, byte G, byte B) colour, int tolerance = 12)
    {
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(Height, top + height); y++)
        {
            for (var x = Math.Max(0, left); x < Math.Min(Width, left + width); x++)
            {
                var (r, g, b) = this[x, y];
                if (Math.Abs(r - colour.R) <= tolerance && Math.Abs(g - colour.G) <= tolerance && Math.Abs(b - colour.B) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (depth, colourType, interlace) = (data[8], data[9], data[12]);
                channels = colourType switch { 2 => 3, 6 => 4, _ => 0 };
                if (depth != 8 || channels == 0 || interlace != 0)
                {
                    throw new InvalidDataException($"PNG depth {depth}, colour type {colourType}, interlace {interlace}: only 8-bit RGB(A), not interlaced");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var start = y * (stride + 1);
            var filter = raw[start];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                var x = raw[start + 1 + i];
                row[i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + ((a + b) / 2),
                    4 => x + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG row filter {filter}"),
                });
            }

            for (var px = 0; px < width; px++)
            {
                var o = ((y * width) + px) * 4;
                rgba[o] = row[px * channels];
                rgba[o + 1] = row[(px * channels) + 1];
                rgba[o + 2] = row[(px * channels) + 2];
                rgba[o + 3] = channels == 4 ? row[(px * channels) + 3] : (byte)255;
            }

            (previous, row) = (row, previous);
        }

        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
