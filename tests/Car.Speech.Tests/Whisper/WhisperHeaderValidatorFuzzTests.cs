using System.Buffers.Binary;
using System.Diagnostics;
using Car.Speech.Whisper;
using Car.Testing;
using Xunit.Abstractions;

namespace Car.Speech.Tests.Whisper;

/// <summary>
/// Thousands of damaged Whisper model headers (from the project's test model): the validator accepts or throws
/// <see cref="WhisperException"/>, quickly and without large allocations.
/// </summary>
public sealed class WhisperHeaderValidatorFuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 10_000;
    private const long MaxAllocatedBytesPerFile = 1 << 20;

    [Fact]
    public async Task Validate_MutatedHeaders_AcceptOrThrowWhisperExceptionQuicklyWithBoundedMemory()
    {
        var full = Header(await File.ReadAllBytesAsync(TestWhisperModel.Path));
        var reduced = WithFirstWords(full, 200);
        var random = new Random(20261123);
        var clock = Stopwatch.StartNew();
        int accepted = 0, rejected = 0;

        for (var i = 0; i < Mutations; i++)
        {
            // Most damage in the hyperparameters, the filter shape and the first words; some anywhere. Copying and
            // walking the whole 50 000-word vocabulary costs ~2 ms a file, so one file in 30 keeps all of it.
            var bytes = FileMutator.Mutate(random, i % 30 == 0 ? full : reduced, focus: 64);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            try
            {
                WhisperHeaderValidator.Validate(new MemoryStream(bytes, writable: false), "fuzz.bin");
                accepted++;
            }
            catch (WhisperException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} threw {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 96)))}");
            }

            // A validator that loops on a crafted length never returns: one file may take a second on a busy machine, not more.
            var took = Stopwatch.GetElapsedTime(started);
            Assert.True(took < TimeSpan.FromSeconds(1), $"Mutation {i} took {took}.");
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < MaxAllocatedBytesPerFile, $"Mutation {i} allocated {allocated} bytes.");
        }

        output.WriteLine($"{Mutations} mutated Whisper headers in {clock.ElapsedMilliseconds} ms: {rejected} rejected, {accepted} accepted.");
        Assert.Equal(Mutations, accepted + rejected);
        Assert.InRange(rejected, Mutations / 10, Mutations);
    }

    /// <summary>The same header with only the first <paramref name="count"/> words of its vocabulary (a valid file).</summary>
    private static byte[] WithFirstWords(byte[] header, int count)
    {
        var words = 48 + 8 + (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(48)) * BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(52)) * sizeof(float));
        var end = words + 4;
        for (var i = 0; i < count; i++)
        {
            end += 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(end));
        }

        var reduced = header[..end];
        BinaryPrimitives.WriteInt32LittleEndian(reduced.AsSpan(words), count);
        WhisperHeaderValidator.Validate(new MemoryStream(reduced, writable: false), "reduced.bin");
        return reduced;
    }

    /// <summary>The file up to the end of its vocabulary: all the validator reads (a valid file on its own).</summary>
    private static byte[] Header(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        WhisperHeaderValidator.Validate(stream, "original.bin");
        return file[..(int)stream.Position];
    }
}
