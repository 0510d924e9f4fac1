using Car.Assistant.Hosting;
using Car.Assistant.Hosting.Bundles;
using Car.Language;
using Car.Ota.Bundles;
using Car.Ota.Download;
using Car.Ota.Health;
using Car.Ota.Install;
using Car.Ota.Signing;
using Car.Speech;
using Car.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Tests.Hosting.Bundles;

/// <summary>Whisper follows the active bundle without a restart, as the parser does; <c>--asr-model</c> pins it.</summary>
public sealed class ReloadableSpeechRecognizerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("car-asr-swap-").FullName;
    private readonly SigningKey _key = SigningKey.Generate("test");

    [Fact]
    public async Task BundleWithAWhisperModelInstalled_NextUtteranceUsesIt_RollbackGoesBackToNone()
    {
        using var host = Host();
        var recognizer = host.Services.GetRequiredService<ReloadableSpeechRecognizer>();
        Assert.Same(recognizer, host.Services.GetRequiredService<ISpeechRecognizer>());
        Assert.NotNull(recognizer.Unavailable);
        await Assert.ThrowsAsync<InvalidOperationException>(() => recognizer.RecognizeAsync(new float[16_000]));

        await host.Services.GetRequiredService<BundleInstaller>().InstallAsync(new DirectoryBundleSource(await PackWithWhisperAsync(2)), CancellationToken.None);
        await recognizer.PendingSwap!;

        Assert.Null(recognizer.Unavailable);
        Assert.StartsWith(Path.Combine(_root, "store"), recognizer.ModelPath, StringComparison.Ordinal);
        // Recognises now; before the install the same call threw "Speech cannot be recognised: no ASR model".
        await recognizer.RecognizeAsync(new float[16_000]);

        await host.Services.GetRequiredService<BundleActivation>().RollBackAsync(CancellationToken.None);
        await recognizer.PendingSwap!;
        Assert.NotNull(recognizer.Unavailable);
    }

    [Fact]
    public async Task ModelPinnedBySetting_ABundlesModelDoesNotReplaceIt()
    {
        using var host = Host(("Asr:ModelPath", TestWhisperModel.Path));
        var recognizer = host.Services.GetRequiredService<ReloadableSpeechRecognizer>();
        Assert.Equal(TestWhisperModel.Path, recognizer.ModelPath);

        await host.Services.GetRequiredService<BundleInstaller>().InstallAsync(new DirectoryBundleSource(await PackWithWhisperAsync(2)), CancellationToken.None);
        await recognizer.PendingSwap!;

        Assert.Equal(TestWhisperModel.Path, recognizer.ModelPath);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private IHost Host(params (string Key, string Value)[] settings) => CarHost.CreateBuilder([
        new("Ota:StoreDirectory", Path.Combine(_root, "store")),
        new("Ota:TrustedKeys:0", _key.Public.Text),
        new("Llm:Engine", "Rules"),
        new("Cloud:DataDirectory", Path.Combine(_root, "state")),
        .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)),
    ]).Build();

    private async Task<string> PackWithWhisperAsync(long version)
    {
        var output = Path.Combine(_root, $"bundle-{version}");
        var files = BundlePacker.FilesUnder(Path.Combine(AppContext.BaseDirectory, "models"));
        files["asr/" + Path.GetFileName(TestWhisperModel.Path)] = TestWhisperModel.Path;
        await BundlePacker.PackAsync(new PackRequest("car-models", version, files, [_key], DateTimeOffset.UtcNow.AddDays(1),
            SelfTests: [new SelfTest("打开车窗", IntentNames.WindowOpen)]), output, TimeProvider.System, CancellationToken.None);
        return output;
    }
}
