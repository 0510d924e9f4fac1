using Car.Assistant.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Speech.Whisper.ModelWriting;

/// <summary>Writes the project's Whisper models; their vocabulary carries every character of the lexicon.</summary>
public static class WhisperTestModels
{
    public const string TestFileName = "car-whisper-test.bin";

    public static async Task WriteAsync(WhisperShape shape, IHost host, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var directory = host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value.ModelDirectory;
        var characters = await File.ReadAllTextAsync(Path.Combine(directory, Language.Model.NluModel.LexiconFile), cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await RandomWhisperWriter.WriteAsync(shape, characters, path, cancellationToken).ConfigureAwait(false);
    }
}
