using System.Security.Cryptography;

namespace Car.Llama;

/// <summary>
/// A saved prompt-prefix cache on disk: a magic, the SHA-256 of the state, then llama.cpp's serialised state. Only a
/// file whose hash matches is ever handed to llama.cpp, so a file cut short by a power cut or damaged on disk is
/// ignored (and evaluated again) instead of reaching native code. Written to a temporary file and renamed, so a
/// reader never sees half of one.
/// </summary>
public static class PrefixStateFile
{
    private static readonly byte[] Magic = "CARKV001"u8.ToArray();
    private const int HeaderLength = 8 + SHA256.HashSizeInBytes;

    /// <summary>The state in <paramref name="path"/>, or null when there is none or it is damaged.</summary>
    public static byte[]? TryRead(string path)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (file.Length <= HeaderLength || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var state = file[HeaderLength..];
        return SHA256.HashData(state).AsSpan().SequenceEqual(file.AsSpan(Magic.Length, SHA256.HashSizeInBytes)) ? state : null;
    }

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/>; false when the disk refuses (the next start evaluates again).</summary>
    public static bool TryWrite(string path, ReadOnlySpan<byte> state)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(Magic);
                stream.Write(SHA256.HashData(state));
                stream.Write(state);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the next start evaluates the prefix and tries again.
            }

            return false;
        }
    }
}
