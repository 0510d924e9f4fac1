using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.Language.Llm;

/// <summary>Which parser answers.</summary>
public enum ParserEngine
{
    /// <summary>Rules first; the LLM only for what the rules cannot parse and is not plainly out of domain.</summary>
    Auto,

    /// <summary>Rules only.</summary>
    Rules,

    /// <summary>The LLM only (for evaluation).</summary>
    Llm,
}

/// <summary>The on-device language model. Section <c>Llm</c>; <c>--model</c> and <c>--engine</c> set it too.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: LlmOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public ParserEngine Engine { get; set; } = ParserEngine.Auto;

    /// <summary>The GGUF model (from the OTA bundle); none means rules only.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The model's threads: fewer than the cores, so navigation and media keep theirs.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 2;

    /// <summary>
    /// How llama.cpp's idle threads poll for the next graph (ggml threadpool <c>poll</c>): 0 sleeps at once, the choice
    /// for a head unit whose cores other processes share; 50 is llama.cpp's own, 100 spins hardest.
    /// </summary>
    [Range(0, 100)]
    public int Poll { get; set; }

    /// <summary>
    /// The nice value decoding runs at: below the 0 of navigation and media, as recognition's (<c>Asr:Nice</c>), so a
    /// busy head unit answers first. Below 0 needs <c>CAP_SYS_NICE</c>; without it the log says so when the model loads
    /// and decoding runs at the process's priority. 0 leaves the process's priority.
    /// </summary>
    [Range(-20, 19)]
    public int Nice { get; set; } = -5;

    [Range(256, 131_072)]
    public int ContextSize { get; set; } = 2048;

    /// <summary>Layers offloaded to a GPU (CUDA build of llama.cpp via CAR_LLAMA_DIR); 0 runs on the CPU.</summary>
    [Range(-1, 1000)]
    public int GpuLayers { get; set; }

    /// <summary>
    /// Past this the assistant asks the driver to repeat rather than wait or guess. 5 s: the project's tiny test model
    /// answers in about 2 s of CPU on 2 cores (3–4 s wall, more when the cores are shared), so the README's demo answers;
    /// a head unit with real weights and a budget of its own sets it lower.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An upper bound on generated tokens; the grammar's longest answer may lower it.</summary>
    [Range(8, 4096)]
    public int MaxTokens { get; set; } = 160;

    /// <summary>
    /// Memory-map the weights instead of reading them into memory. Reading (the default, as node-llama-cpp does)
    /// lets ggml repack Q8_0 weights into its CPU-optimised layout: prompts run ≈ 20 % faster, loading is slower.
    /// </summary>
    public bool MemoryMap { get; set; }

    /// <summary>Keep the system prompt's KV cache between utterances (off only to measure what it saves).</summary>
    public bool ReusePrefix { get; set; } = true;

    /// <summary>
    /// Where the evaluated system prompt's KV cache is saved, so that a restart restores it instead of evaluating it
    /// again (one file per model, context size and prompt); empty: never saved. <c>car</c>: <c>llm</c> in its data directory.
    /// </summary>
    public string? PrefixStateDirectory { get; set; }
}
