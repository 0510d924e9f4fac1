using Car.Testing;

namespace Car.Assistant.Tests.Cli.Models;

/// <summary><c>car models quantize</c> as an operator preparing a bundle runs it: the published Whisper file in, the quantised one out.</summary>
public sealed class QuantizeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-quantize-command-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Quantize_PublishedFile_WritesTheQ8FileAndSaysWhatItDid()
    {
        var quantized = Path.Combine(_directory, "whisper-q8_0.bin");

        var (code, output, errors) = await CarProcess.RunAsync([], "models", "quantize", "--in", TestWhisperModel.Path, "--out", quantized);

        Assert.True(code == 0, errors);
        Assert.StartsWith($"{quantized}  (Q8_0: 17 matrices, ", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(quantized).Length < new FileInfo(TestWhisperModel.Path).Length, output);
    }

    [Fact]
    public async Task Quantize_FileAlreadyQuantised_OneLineAndNoFile()
    {
        var quantized = Path.Combine(_directory, "whisper-q8_0.bin");
        var again = Path.Combine(_directory, "whisper-q5_1.bin");
        var (first, _, firstErrors) = await CarProcess.RunAsync([], "models", "quantize", "--in", TestWhisperModel.Path, "--out", quantized);
        Assert.True(first == 0, firstErrors);

        var (code, output, errors) = await CarProcess.RunAsync([], "models", "quantize", "--in", quantized, "--out", again, "--weights", "Q5_1");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"car: '{quantized}' is already quantised (file type 2007): quantise the F16 or F32 file it was made from.", errors.TrimEnd());
        Assert.False(File.Exists(again));
    }
}
