using System.Reflection;
using System.Runtime.InteropServices;

namespace Car.Native;

/// <summary>
/// The one resolver for the native engines Car binds (each binding assembly registers it for itself). Library names map to the files the build puts
/// beside the program: llama.cpp from the pinned npm package in <c>native/llama.cpp</c> (<c>CAR_LLAMA_DIR</c> points
/// elsewhere, e.g. a CUDA build), whisper.cpp built from source in <c>native/whisper</c> (<c>CAR_WHISPER_DIR</c>), and
/// the system's OpenCC. A miss throws <see cref="DllNotFoundException"/> listing
/// every path tried.
/// </summary>
internal static class NativeEngines
{
    public const string Llama = "llama";
    public const string Ggml = "ggml";
    public const string GgmlBase = "ggml-base";
    public const string Whisper = "whisper";
    public const string OpenCc = "opencc";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        [Llama] = "libllama.v0.5.0.so",
        [Ggml] = "libggml.v0.5.0.so",
        [GgmlBase] = "libggml-base.so",
        [Whisper] = "libwhisper.so.1",
        [OpenCc] = "libopencc.so.1.1",
    };

    private static readonly HashSet<Assembly> Registered = [];

    /// <summary>The directory the llama.cpp libraries are loaded from.</summary>
    public static string LlamaDirectory =>
        Environment.GetEnvironmentVariable("CAR_LLAMA_DIR") is { Length: > 0 } custom
            ? custom
            : Path.Combine(AppContext.BaseDirectory, "native", "llama.cpp");

    /// <summary>The directory whisper.cpp (built by native/build-whisper.sh) is loaded from; <c>CAR_WHISPER_DIR</c> overrides.</summary>
    public static string WhisperDirectory =>
        Environment.GetEnvironmentVariable("CAR_WHISPER_DIR") is { Length: > 0 } custom
            ? custom
            : Path.Combine(AppContext.BaseDirectory, "native", "whisper");

    /// <summary>Makes the binding <paramref name="assembly"/> find its libraries through this resolver (once per assembly).</summary>
    public static void EnsureResolver(Assembly assembly)
    {
        lock (Registered)
        {
            if (Registered.Add(assembly))
            {
                NativeLibrary.SetDllImportResolver(assembly, Resolve);
            }
        }
    }

    public static bool WhisperIsPresent => File.Exists(Path.Combine(WhisperDirectory, Files[Whisper]));

    /// <summary>True when the pinned llama.cpp library is present (so the LLM can be offered at all).</summary>
    public static bool LlamaIsPresent => File.Exists(Path.Combine(LlamaDirectory, Files[Llama]));

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return IntPtr.Zero;
        }

        if (name == Whisper)
        {
            // libgomp (pulled in by whisper.cpp's ggml) reads its wait policy once, when it loads.
            OpenMpWaitPolicy.Apply();
        }

        var tried = new List<string>();
        if (name == OpenCc)
        {
            // A system library (Debian libopencc1.1): the loader's own search path.
            tried.Add(file);
            if (NativeLibrary.TryLoad(file, out var system))
            {
                return system;
            }
        }

        foreach (var directory in new[] { name == Whisper ? WhisperDirectory : LlamaDirectory, AppContext.BaseDirectory })
        {
            var path = Path.Combine(directory, file);
            tried.Add(path);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            $"The native library '{name}' ({file}) was not found; tried {string.Join(", ", tried)}. " +
            "Build once with npm available (the build runs `npm ci` in native/) or set CAR_LLAMA_DIR.");
    }
}
