using Car.Llama.Interop;

namespace Car.Llama;

/// <summary>Greedy sampling constrained by a GBNF grammar: only tokens the grammar allows can be chosen.</summary>
public sealed class GrammarSampler : IDisposable
{
    private readonly SafeLlamaSamplerHandle _chain;

    public GrammarSampler(LlamaWeights weights, string grammar)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _chain = new SafeLlamaSamplerHandle(LlamaNative.SamplerChainInit(LlamaNative.SamplerChainDefaultParams()));
        var constraint = LlamaNative.SamplerInitGrammar(weights.Vocab, grammar, "root");
        if (constraint == IntPtr.Zero)
        {
            _chain.Dispose();
            throw new LlmException($"llama.cpp rejected the grammar: {LlamaBackend.TakeRecentErrors()}");
        }

        LlamaNative.SamplerChainAdd(_chain, constraint);
        LlamaNative.SamplerChainAdd(_chain, LlamaNative.SamplerInitGreedy());
    }

    /// <summary>Picks the next token from the last evaluated position and advances the grammar.</summary>
    public int Sample(LlamaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Run(handle => LlamaNative.SamplerSample(_chain, handle, -1));
    }

    public void Reset() => LlamaNative.SamplerReset(_chain);

    public void Dispose() => _chain.Dispose();
}
