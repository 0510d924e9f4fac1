using System.CommandLine;
using Car.Language.Llm;
using Car.Language.Model;
using Car.Language;
using Car.ModelWriting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary><c>car models write-test --out DIR</c>, <c>car models write --shape NAME --out FILE</c>, and the OTA bundle commands (Models/).</summary>
public static class ModelsCommand
{
    /// <param name="buildHost">The host without starting it (the bundle commands warm no engine up), on the store that
    /// <c>--store</c> names when it is given.</param>
    public static Command Create(
        Func<ParseResult, CancellationToken, Task<IHost>> startHost, Func<ParseResult, DirectoryInfo?, CancellationToken, Task<IHost>> buildHost, Option<bool> json)
    {
        var models = new Command("models", "Write the project's own models (random weights of real architectures); pack, install and manage OTA model bundles.");

        var directory = new Option<DirectoryInfo>("--out") { Description = "The directory to write into.", Required = true };
        var writeTest = new Command("write-test", $"Write the test models ({TestModelFiles.Llm}) so the model paths can be tried.")
        {
            directory,
        };
        writeTest.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var path = Path.Combine(result.GetValue(directory)!.FullName, TestModelFiles.Llm);
            await WriteLlmAsync(host, LlmShape.Tiny, path, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{path}  (llama, random weights: it parses nothing by meaning; the grammar keeps answers valid)").ConfigureAwait(false);
            var asr = Path.Combine(result.GetValue(directory)!.FullName, TestModelFiles.Whisper);
            await WriteWhisperAsync(host, WhisperShape.Test, WhisperWeightType.F16, asr, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{asr}  (whisper layout, random weights: it transcribes nothing real)").ConfigureAwait(false);
            return 0;
        });

        string[] shapes = [.. LlmShape.Known.Select(s => s.Name), .. WhisperShape.Known.Select(s => "whisper-" + s.Name)];
        var shape = new Option<string>("--shape") { Description = "The shape: " + string.Join(", ", shapes), Required = true };
        shape.AcceptOnlyFromAmong(shapes);
        var file = new Option<FileInfo>("--out") { Description = "The GGUF file to write.", Required = true };
        var weights = new Option<WhisperWeightType>("--weights")
        {
            Description = "How a Whisper model's matrices are stored: F16 (as published), Q8_0 or Q5_1 (as whisper.cpp's quantize leaves them).",
            DefaultValueFactory = _ => WhisperWeightType.F16,
        };
        var write = new Command("write", "Write a random-weight model of a real model's shape (for benchmarks).") { shape, file, weights };
        write.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var path = result.GetValue(file)!.FullName;
            var name = result.GetValue(shape)!;
            if (name.StartsWith("whisper-", StringComparison.Ordinal))
            {
                await WriteWhisperAsync(host, WhisperShape.Known.Single(s => "whisper-" + s.Name == name), result.GetValue(weights), path, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteLlmAsync(host, LlmShape.Known.Single(s => s.Name == name), path, cancellationToken).ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"{path}  ({new FileInfo(path).Length / 1_000_000} MB)").ConfigureAwait(false);
            return 0;
        });

        models.Subcommands.Add(writeTest);
        models.Subcommands.Add(write);
        models.Subcommands.Add(Models.QuantizeCommand.Create());
        models.Subcommands.Add(Models.KeygenCommand.Create());
        models.Subcommands.Add(Models.PackCommand.Create());
        models.Subcommands.Add(Models.StatusCommand.Create(buildHost, json));
        models.Subcommands.Add(Models.VerifyCommand.Create(buildHost));
        models.Subcommands.Add(Models.CheckCommand.Create(buildHost));
        models.Subcommands.Add(Models.InstallCommand.Create(buildHost));
        models.Subcommands.Add(Models.RollbackCommand.Create(buildHost));
        return models;
    }

    /// <summary>An LLM whose vocabulary covers the intent prompt, grammar and lexicon of the configured language data.</summary>
    private static Task WriteLlmAsync(IHost host, LlmShape shape, string path, CancellationToken cancellationToken)
    {
        var directory = host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value.ModelDirectory;
        var text = IntentModelText.For(host.Services.GetRequiredService<NluModel>(), host.Services.GetRequiredService<RuleParser>(), directory);
        return RandomLlmWriter.WriteAsync(shape, text, path, cancellationToken);
    }

    /// <summary>A Whisper model whose vocabulary carries every character of the lexicon.</summary>
    private static async Task WriteWhisperAsync(IHost host, WhisperShape shape, WhisperWeightType weights, string path, CancellationToken cancellationToken)
    {
        var directory = host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value.ModelDirectory;
        var characters = await File.ReadAllTextAsync(Path.Combine(directory, NluModel.LexiconFile), cancellationToken).ConfigureAwait(false);
        await RandomWhisperWriter.WriteAsync(shape, weights, characters, path, cancellationToken).ConfigureAwait(false);
    }
}
