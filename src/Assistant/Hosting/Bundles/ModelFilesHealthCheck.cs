using Car.Llama;
using Car.Ota.Bundles;
using Car.Ota.Health;
using Car.Ota.Store;
using Car.Speech.Whisper;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>Loads the bundle's LLM (when llama.cpp is installed; its GGUF magic in any case) and checks its Whisper model's ggml magic.</summary>
internal sealed class ModelFilesHealthCheck : IBundleHealthCheck
{
    public string Name => "models";

    public Task<string?> CheckAsync(InstalledBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        try
        {
            if (bundle.PathFor(BundleRoles.Llm) is { } llm)
            {
                RequireMagic(llm, "GGUF"u8, "a GGUF model");
                if (LlamaBackend.IsAvailable)
                {
                    using var weights = LlamaWeights.LoadFromFile(llm);
                }
            }

            if (bundle.PathFor(BundleRoles.Asr) is { } asr)
            {
                RequireMagic(asr, [0x6c, 0x6d, 0x67, 0x67], "a whisper.cpp (ggml) model");
            }

            return Task.FromResult<string?>(null);
        }
        catch (Exception e) when (e is LlmException or WhisperException or IOException)
        {
            return Task.FromResult<string?>(e.Message);
        }
    }

    private static void RequireMagic(string path, ReadOnlySpan<byte> magic, string what)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(magic))
        {
            throw new IOException($"{Path.GetFileName(path)} is not {what}.");
        }
    }
}
