using System.Buffers.Binary;
using System.Diagnostics;
using Car.Speech.Audio;
using Car.Testing;
using Xunit.Abstractions;

namespace Car.Speech.Tests.Audio;

public class WavReaderFuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 20_000;

    private static readonly uint[] Extremes =
        [0, 1, 2, 0x7F, 0xFF, 0xFFFF, 0x7FFFFFF0, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFE, 0xFFFFFFFF];

    [Fact]
    public void Read_MutatedFiles_EitherReadOrThrowAudioFormatException()
    {
        var random = new Random(20261123);
        var original = TestAudio.Wav([TestAudio.Tone(440, 16_000, 0.02), TestAudio.Tone(660, 16_000, 0.02)], 16_000, 1, 16);
        var extensible = TestAudio.Wav([TestAudio.Tone(440, 16_000, 0.02)], 16_000, 1, 24, extensible: true);
        var clock = Stopwatch.StartNew();
        int read = 0, rejected = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var bytes = Mutate(random, (i % 2 == 0 ? original : extensible).ToArray());
            try
            {
                WavReader.Read(bytes);
                read++;
            }
            catch (AudioFormatException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} threw {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 96)))}");
            }
        }

        output.WriteLine($"{Mutations} mutated WAV files in {clock.ElapsedMilliseconds} ms: {read} read, {rejected} rejected.");
        Assert.Equal(Mutations, read + rejected);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The fuzz run took {clock.Elapsed}.");
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        for (var step = random.Next(1, 4); step > 0 && bytes.Length > 0; step--)
        {
            var header = Math.Min(bytes.Length, 80);
            switch (random.Next(4))
            {
                case 0:
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                    break;
                case 1:
                    bytes[random.Next(header)] = (byte)random.Next(256);
                    break;
                case 2:
                    var field = random.Next(header / 2) * 2;
                    if (field + 4 <= bytes.Length)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(field), Extremes[random.Next(Extremes.Length)]);
                    }

                    break;
                default:
                    bytes = bytes[..random.Next(bytes.Length + 1)];
                    break;
            }
        }

        return bytes;
    }
}
