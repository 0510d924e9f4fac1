using Car.Llama.Interop;

namespace Car.Llama;

/// <summary>Greedy sampling constrained by a GBNF grammar: only tokens the grammar allows can be chosen.</summary>
public sealed class GrammarSampler : IDisposable
{
    private readonly SafeLlamaSamplerHandle _chain;
    private readonly int _vocabSize;

    // One candidate per vocabulary token, reused: a call at a time (the executor holds the context's turn).
    private readonly LlamaTokenData[] _candidates;

    public GrammarSampler(LlamaWeights weights, string grammar)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _vocabSize = weights.VocabSize;
        _candidates = new LlamaTokenData[_vocabSize];
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

    /// <summary>
    /// Picks the next token from the last evaluated position and advances the grammar. When the grammar allows no
    /// token at all (a damaged vocabulary whose pieces cannot spell what the grammar needs), this is an
    /// <see cref="LlmException"/>: llama_sampler_sample would feed the grammar a forbidden token and abort the process.
    /// </summary>
    public unsafe int Sample(LlamaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = _vocabSize;
        var candidates = _candidates;
        var token = context.Run(handle =>
        {
            var logits = LlamaNative.GetLogitsIth(handle, -1);
            if (logits == null)
            {
                return -1;
            }

            fixed (LlamaTokenData* data = candidates)
            {
                for (var i = 0; i < size; i++)
                {
                    data[i] = new LlamaTokenData { Id = i, Logit = logits[i] };
                }

                var array = new LlamaTokenDataArray { Data = data, Size = (nuint)size, Selected = -1 };
                LlamaNative.SamplerApply(_chain, &array);
                if (array.Selected < 0 || array.Selected >= size || float.IsNegativeInfinity(data[array.Selected].Logit))
                {
                    return -1;
                }

                var chosen = data[array.Selected].Id;
                LlamaNative.SamplerAccept(_chain, chosen);
                return chosen;
            }
        });
        return token >= 0
            ? token
            : throw new LlmException("The grammar allows no token of this model's vocabulary here (damaged or incompatible model).");
    }

    public void Reset() => LlamaNative.SamplerReset(_chain);

    public void Dispose() => _chain.Dispose();
}
