using System.Runtime.InteropServices;
using System.Text;
using Car.Llama.Interop;

namespace Car.Llama;

/// <summary>
/// A GGUF model loaded by llama.cpp (LLamaSharp's <c>LLamaWeights</c>): its vocabulary, chat template and
/// tokenizer. Contexts created from it keep it alive.
/// </summary>
public sealed class LlamaWeights : IDisposable
{
    private const int LoadModeRead = 0;
    private const int LoadModeMemoryMap = 1;

    private readonly SafeLlamaModelHandle _model;

    private LlamaWeights(SafeLlamaModelHandle model, string identity)
    {
        _model = model;
        Identity = identity;
        Vocab = LlamaNative.ModelGetVocab(model);
        VocabSize = LlamaNative.VocabNTokens(Vocab);
        ParameterCount = LlamaNative.ModelNParams(model);
        var template = LlamaNative.ModelChatTemplate(model, IntPtr.Zero);
        ChatTemplate = template == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(template);
    }

    public int VocabSize { get; }

    public ulong ParameterCount { get; }

    /// <summary>
    /// Which weights these are, for caches derived from them: the file's full path, size and time of last change, and
    /// the GPU layers. Another file, or the same file replaced, has another identity.
    /// </summary>
    public string Identity { get; }

    /// <summary>The model's own chat template, or null when the file has none.</summary>
    public string? ChatTemplate { get; }

    internal SafeLlamaModelHandle Handle => _model;

    internal IntPtr Vocab { get; }

    /// <summary>Loads a GGUF file; a missing, non-GGUF, truncated, implausible or unsupported file gives an <see cref="LlmException"/>.</summary>
    public static LlamaWeights LoadFromFile(string path, int gpuLayers = 0, bool memoryMap = false)
    {
        if (!File.Exists(path))
        {
            throw new LlmException($"The model file '{path}' does not exist.");
        }

        GgufHeaderValidator.Validate(path);

        LlamaBackend.EnsureStarted();
        var parameters = LlamaNative.ModelDefaultParams();
        parameters.NGpuLayers = gpuLayers;
        parameters.LoadMode = memoryMap ? LoadModeMemoryMap : LoadModeRead;
        var pointer = LlamaNative.ModelLoadFromFile(path, parameters);
        if (pointer == IntPtr.Zero)
        {
            var reason = LlamaBackend.TakeRecentErrors();
            throw new LlmException($"llama.cpp could not load '{path}'{(reason.Length > 0 ? $": {reason}" : " (truncated or unsupported file)")}.");
        }

        var file = new FileInfo(path);
        return new LlamaWeights(new SafeLlamaModelHandle(pointer),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}|{gpuLayers}"));
    }

    /// <param name="poll">
    /// How idle threads poll for the next graph, 0 (sleep at once: the choice for a CPU shared with other processes)
    /// to 100; null keeps llama.cpp's own threadpool (50). The barrier inside a graph spins either way.
    /// </param>
    /// <param name="nice">
    /// The nice value decoding runs at (the evaluating thread and the pool's threads); 0 leaves the process's own.
    /// Below 0 needs <c>CAP_SYS_NICE</c>; where it is refused, <see cref="LlamaContext.NiceRefused"/> says why.
    /// </param>
    public LlamaContext CreateContext(int contextSize, int threads, int? poll = null, int nice = 0) => new(this, contextSize, threads, poll, nice);

    /// <summary>Tokens of a text; with <paramref name="parseSpecial"/> markers such as &lt;|im_end|&gt; become their tokens.</summary>
    public unsafe int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var tokens = new int[bytes.Length + 8];
        fixed (byte* textPointer = bytes)
        fixed (int* tokenPointer = tokens)
        {
            var count = LlamaNative.Tokenize(Vocab, textPointer, bytes.Length, tokenPointer, tokens.Length,
                addSpecial ? (byte)1 : (byte)0, parseSpecial ? (byte)1 : (byte)0);
            if (count < 0)
            {
                tokens = new int[-count];
                fixed (int* retry = tokens)
                {
                    count = LlamaNative.Tokenize(Vocab, textPointer, bytes.Length, retry, tokens.Length,
                        addSpecial ? (byte)1 : (byte)0, parseSpecial ? (byte)1 : (byte)0);
                }
            }

            return tokens[..count];
        }
    }

    /// <summary>The bytes a token stands for (no NUL is written by llama.cpp; the length is returned).</summary>
    public unsafe byte[] TokenBytes(int token)
    {
        Span<byte> buffer = stackalloc byte[64];
        fixed (byte* pointer = buffer)
        {
            var length = LlamaNative.TokenToPiece(Vocab, token, pointer, buffer.Length, 0, 0);
            if (length >= 0)
            {
                return buffer[..length].ToArray();
            }

            var large = new byte[-length];
            fixed (byte* largePointer = large)
            {
                length = LlamaNative.TokenToPiece(Vocab, token, largePointer, large.Length, 0, 0);
            }

            return large[..length];
        }
    }

    public bool IsEndOfGeneration(int token) => LlamaNative.VocabIsEog(Vocab, token) != 0;

    /// <summary>Applies a chat template (the model's, or chatml) to messages; llama.cpp's built-in templates only.</summary>
    public unsafe string ApplyChatTemplate(IReadOnlyList<(string Role, string Content)> messages, bool addAssistant)
    {
        var template = ChatTemplate ?? "chatml";
        var pinned = new List<IntPtr>();
        try
        {
            var native = new LlamaChatMessage[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].Role = Marshal.StringToCoTaskMemUTF8(messages[i].Role);
                native[i].Content = Marshal.StringToCoTaskMemUTF8(messages[i].Content);
                pinned.Add(native[i].Role);
                pinned.Add(native[i].Content);
            }

            var templatePointer = Marshal.StringToCoTaskMemUTF8(template);
            pinned.Add(templatePointer);
            var capacity = 2 * messages.Sum(m => Encoding.UTF8.GetByteCount(m.Content) + 32) + 256;
            while (true)
            {
                var buffer = new byte[capacity];
                int length;
                fixed (LlamaChatMessage* messagePointer = native)
                fixed (byte* bufferPointer = buffer)
                {
                    length = LlamaNative.ChatApplyTemplate(templatePointer, messagePointer, (nuint)native.Length,
                        addAssistant ? (byte)1 : (byte)0, bufferPointer, buffer.Length);
                }

                if (length < 0)
                {
                    throw new LlmException($"llama.cpp does not know the model's chat template ({template[..Math.Min(template.Length, 40)]}…).");
                }

                if (length <= buffer.Length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                capacity = length;
            }
        }
        finally
        {
            pinned.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    public void Dispose() => _model.Dispose();
}
