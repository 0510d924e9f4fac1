using System.Diagnostics;
using Car.ModelWriting;
using Car.Testing;
using Xunit.Abstractions;

namespace Car.Llama.Tests;

/// <summary>
/// Thousands of damaged GGUF headers (from the project's tiny model and a small hand-built file with every value
/// kind): the validator accepts or throws <see cref="LlmException"/>, quickly and without large allocations.
/// </summary>
public sealed class GgufHeaderValidatorFuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 10_000;
    private const long MaxAllocatedBytesPerFile = 1 << 20;

    [Fact]
    public async Task Validate_MutatedHeaders_AcceptOrThrowLlmExceptionQuicklyWithBoundedMemory()
    {
        var originals = new[] { Header(await File.ReadAllBytesAsync(TinyModel.Path)), Header(await SmallModelAsync()) };
        var random = new Random(20261123);
        var clock = Stopwatch.StartNew();
        int accepted = 0, rejected = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var original = originals[i % originals.Length];
            var bytes = FileMutator.Mutate(random, original, focus: 512);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            try
            {
                GgufHeaderValidator.Validate(new MemoryStream(bytes, writable: false), "fuzz.gguf");
                accepted++;
            }
            catch (LlmException)
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

        output.WriteLine($"{Mutations} mutated GGUF headers in {clock.ElapsedMilliseconds} ms: {rejected} rejected, {accepted} accepted.");
        Assert.Equal(Mutations, accepted + rejected);
        Assert.InRange(rejected, Mutations / 10, Mutations);
    }

    /// <summary>The file up to the end of its tensor infos: all the validator reads (a valid file on its own).</summary>
    private static byte[] Header(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        GgufHeaderValidator.Validate(stream, "original.gguf");
        return file[..(int)stream.Position];
    }

    private static async Task<byte[]> SmallModelAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("car-gguf-fuzz-").FullName, "small.gguf");
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "llama");
        gguf.Add("llama.block_count", 2u);
        gguf.Add("llama.context_length", 64);
        gguf.Add("llama.rope.freq_base", 10_000f);
        gguf.Add("tokenizer.ggml.add_bos_token", true);
        gguf.Add("tokenizer.ggml.tokens", ["<s>", "</s>", "打开", "车窗"]);
        gguf.Add("tokenizer.ggml.scores", [0f, 0f, -1f, -2f]);
        gguf.Add("tokenizer.ggml.token_type", [3, 3, 1, 1]);
        gguf.AddTensor(new GgufTensor("token_embd.weight", [8, 4], GgmlType.F32, 0.1f, 1));
        gguf.AddTensor(new GgufTensor("output_norm.weight", [8], GgmlType.F32, 1f, 2));
        await gguf.WriteAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        return bytes;
    }
}
