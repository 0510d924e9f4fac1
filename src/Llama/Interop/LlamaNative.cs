using System.Runtime.InteropServices;

using Car.Native;

namespace Car.Llama.Interop;

/// <summary>The llama.h functions Car uses (llama.cpp v0.5.0), bound with LibraryImport.</summary>
internal static unsafe partial class LlamaNative
{
    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_backend_init")]
    public static partial void BackendInit();

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_log_set")]
    public static partial void LogSet(delegate* unmanaged<int, byte*, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_default_params")]
    public static partial LlamaModelParams ModelDefaultParams();

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_context_default_params")]
    public static partial LlamaContextParams ContextDefaultParams();

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_chain_default_params")]
    public static partial LlamaSamplerChainParams SamplerChainDefaultParams();

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_load_from_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ModelLoadFromFile(string path, LlamaModelParams parameters);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_free")]
    public static partial void ModelFree(IntPtr model);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_init_from_model")]
    public static partial IntPtr InitFromModel(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_attach_threadpool")]
    public static partial void AttachThreadpool(SafeLlamaContextHandle context, SafeGgmlThreadpoolHandle threadpool, SafeGgmlThreadpoolHandle batchThreadpool);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_free")]
    public static partial void Free(IntPtr context);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_get_vocab")]
    public static partial IntPtr ModelGetVocab(SafeLlamaModelHandle model);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_n_params")]
    public static partial ulong ModelNParams(SafeLlamaModelHandle model);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_desc")]
    public static partial int ModelDesc(SafeLlamaModelHandle model, byte* buffer, nuint size);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_model_chat_template")]
    public static partial IntPtr ModelChatTemplate(SafeLlamaModelHandle model, IntPtr name);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_vocab_n_tokens")]
    public static partial int VocabNTokens(IntPtr vocab);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_vocab_is_eog")]
    public static partial byte VocabIsEog(IntPtr vocab, int token);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_tokenize")]
    public static partial int Tokenize(
        IntPtr vocab, byte* text, int textLength, int* tokens, int maxTokens, byte addSpecial, byte parseSpecial);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_token_to_piece")]
    public static partial int TokenToPiece(IntPtr vocab, int token, byte* buffer, int length, int lstrip, byte special);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_chat_apply_template")]
    public static partial int ChatApplyTemplate(
        IntPtr template, LlamaChatMessage* messages, nuint count, byte addAssistant, byte* buffer, int length);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_n_ctx")]
    public static partial uint NCtx(SafeLlamaContextHandle context);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_batch_get_one")]
    public static partial LlamaBatch BatchGetOne(int* tokens, int count);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_decode")]
    public static partial int Decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_get_memory")]
    public static partial IntPtr GetMemory(SafeLlamaContextHandle context);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_memory_seq_rm")]
    public static partial byte MemorySeqRm(IntPtr memory, int sequence, int fromPosition, int toPosition);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_memory_clear")]
    public static partial void MemoryClear(IntPtr memory, byte data);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_state_seq_get_size")]
    public static partial nuint StateSeqGetSize(SafeLlamaContextHandle context, int sequence);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_state_seq_get_data")]
    public static partial nuint StateSeqGetData(SafeLlamaContextHandle context, byte* destination, nuint size, int sequence);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_state_seq_set_data")]
    public static partial nuint StateSeqSetData(SafeLlamaContextHandle context, byte* source, nuint size, int sequence);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_set_abort_callback")]
    public static partial void SetAbortCallback(SafeLlamaContextHandle context, delegate* unmanaged<IntPtr, byte> callback, IntPtr data);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_chain_init")]
    public static partial IntPtr SamplerChainInit(LlamaSamplerChainParams parameters);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_chain_add")]
    public static partial void SamplerChainAdd(SafeLlamaSamplerHandle chain, IntPtr sampler);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_init_greedy")]
    public static partial IntPtr SamplerInitGreedy();

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_init_grammar", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr SamplerInitGrammar(IntPtr vocab, string grammar, string root);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_sample")]
    public static partial int SamplerSample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_apply")]
    public static unsafe partial void SamplerApply(SafeLlamaSamplerHandle sampler, LlamaTokenDataArray* candidates);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_accept")]
    public static partial void SamplerAccept(SafeLlamaSamplerHandle sampler, int token);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_get_logits_ith")]
    public static unsafe partial float* GetLogitsIth(SafeLlamaContextHandle context, int index);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_reset")]
    public static partial void SamplerReset(SafeLlamaSamplerHandle sampler);

    [LibraryImport(NativeEngines.Llama, EntryPoint = "llama_sampler_free")]
    public static partial void SamplerFree(IntPtr sampler);
}

/// <summary>The ggml functions Car needs before llama.cpp can load a model.</summary>
internal static partial class GgmlNative
{
    [LibraryImport(NativeEngines.Ggml, EntryPoint = "ggml_backend_load_all_from_path", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void BackendLoadAllFromPath(string directory);

    [LibraryImport(NativeEngines.Ggml, EntryPoint = "ggml_backend_reg_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr BackendRegByName(string name);

    [LibraryImport(NativeEngines.GgmlBase, EntryPoint = "ggml_backend_reg_get_proc_address", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr BackendRegGetProcAddress(IntPtr registry, string name);
}
