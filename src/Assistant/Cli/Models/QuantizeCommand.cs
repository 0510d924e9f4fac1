using System.CommandLine;
using Car.ModelWriting;

namespace Car.Assistant.Cli.Models;

/// <summary>
/// <c>car models quantize --in ggml-base.bin --out ggml-base-q8_0.bin [--weights Q8_0]</c>: the published Whisper file
/// made into the quantised one a bundle should carry (Q8_0 recognises about a fifth faster on a car's CPU).
/// </summary>
internal static class QuantizeCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "The whisper.cpp model as published (F16 or F32).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The quantised model to write.", Required = true };
        var weights = new Option<WhisperWeightType>("--weights")
        {
            Description = "The block type for the matrices: Q8_0 (the faster on CPU) or Q5_1 (the smaller).",
            DefaultValueFactory = _ => WhisperWeightType.Q8_0,
        };
        var command = new Command("quantize", "Quantise a Whisper model's matrices as whisper.cpp's quantize tool does, for a bundle.")
        {
            input, output, weights,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var destination = result.GetValue(output)!.FullName;
            try
            {
                var done = await WhisperQuantizer.QuantizeAsync(result.GetValue(input)!.FullName, destination, result.GetValue(weights), cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(
                    $"{destination}  ({result.GetValue(weights)}: {done.Matrices} matrices, {done.DestinationBytes / 1e6:0.0} MB from {done.SourceBytes / 1e6:0.0} MB)").ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                return await BundleCommandOptions.FailAsync(e).ConfigureAwait(false);
            }
        });
        return command;
    }
}
