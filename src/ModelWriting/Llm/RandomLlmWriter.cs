namespace Car.ModelWriting;

/// <summary>
/// Writes a GGUF model of a real architecture (llama or qwen2) with random weights: the engine loads and runs it
/// exactly like a trained file, so tests exercise the real loading and decoding code and benchmarks measure real
/// speed (which does not depend on the values). It understands nothing; the grammar keeps its answers valid.
/// </summary>
public static class RandomLlmWriter
{
    private const string ChatmlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    public static async Task WriteAsync(LlmShape shape, string seedText, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var vocabulary = TestVocabulary.Build(seedText, shape.VocabSize);
        var vocabSize = vocabulary.Tokens.Count;
        var arch = shape.Architecture;
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", arch);
        gguf.Add("general.name", $"car-random-{shape.Name}");
        gguf.Add("general.file_type", shape.WeightType switch { GgmlType.F32 => 0u, GgmlType.F16 => 1u, _ => 7u });
        gguf.Add($"{arch}.context_length", (uint)shape.ContextLength);
        gguf.Add($"{arch}.embedding_length", (uint)shape.Embedding);
        gguf.Add($"{arch}.block_count", (uint)shape.Layers);
        gguf.Add($"{arch}.feed_forward_length", (uint)shape.FeedForward);
        gguf.Add($"{arch}.attention.head_count", (uint)shape.Heads);
        gguf.Add($"{arch}.attention.head_count_kv", (uint)shape.KvHeads);
        gguf.Add($"{arch}.attention.layer_norm_rms_epsilon", 1e-6f);
        gguf.Add($"{arch}.rope.freq_base", arch == "qwen2" ? 1_000_000f : 10_000f);
        gguf.Add($"{arch}.rope.dimension_count", (uint)shape.HeadDimension);
        gguf.Add("tokenizer.ggml.model", "llama");
        gguf.Add("tokenizer.ggml.tokens", vocabulary.Tokens);
        gguf.Add("tokenizer.ggml.scores", vocabulary.Scores);
        gguf.Add("tokenizer.ggml.token_type", vocabulary.Types);
        gguf.Add("tokenizer.ggml.bos_token_id", (uint)TestVocabulary.BeginOfText);
        gguf.Add("tokenizer.ggml.eos_token_id", (uint)TestVocabulary.ImEnd);
        gguf.Add("tokenizer.ggml.unknown_token_id", (uint)TestVocabulary.Unknown);
        gguf.Add("tokenizer.ggml.add_bos_token", false);
        gguf.Add("tokenizer.ggml.add_eos_token", false);
        gguf.Add("tokenizer.chat_template", ChatmlTemplate);

        var seed = 1;
        var weights = shape.WeightType;
        gguf.AddTensor(new GgufTensor("token_embd.weight", [shape.Embedding, vocabSize], weights, 0.5f, seed++));
        gguf.AddTensor(new GgufTensor("output_norm.weight", [shape.Embedding], GgmlType.F32, 0.1f, seed++, offset: 1));
        if (!shape.TiedEmbeddings)
        {
            gguf.AddTensor(new GgufTensor("output.weight", [shape.Embedding, vocabSize], weights, 0.5f, seed++));
        }

        var projection = 1f / MathF.Sqrt(shape.Embedding);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var block = $"blk.{layer}";
            gguf.AddTensor(new GgufTensor($"{block}.attn_norm.weight", [shape.Embedding], GgmlType.F32, 0.1f, seed++, offset: 1));
            gguf.AddTensor(new GgufTensor($"{block}.attn_q.weight", [shape.Embedding, shape.Embedding], weights, projection, seed++));
            gguf.AddTensor(new GgufTensor($"{block}.attn_k.weight", [shape.Embedding, shape.KvDimension], weights, projection, seed++));
            gguf.AddTensor(new GgufTensor($"{block}.attn_v.weight", [shape.Embedding, shape.KvDimension], weights, projection, seed++));
            if (shape.QkvBias)
            {
                gguf.AddTensor(new GgufTensor($"{block}.attn_q.bias", [shape.Embedding], GgmlType.F32, 0.02f, seed++));
                gguf.AddTensor(new GgufTensor($"{block}.attn_k.bias", [shape.KvDimension], GgmlType.F32, 0.02f, seed++));
                gguf.AddTensor(new GgufTensor($"{block}.attn_v.bias", [shape.KvDimension], GgmlType.F32, 0.02f, seed++));
            }

            gguf.AddTensor(new GgufTensor($"{block}.attn_output.weight", [shape.Embedding, shape.Embedding], weights, projection, seed++));
            gguf.AddTensor(new GgufTensor($"{block}.ffn_norm.weight", [shape.Embedding], GgmlType.F32, 0.1f, seed++, offset: 1));
            gguf.AddTensor(new GgufTensor($"{block}.ffn_gate.weight", [shape.Embedding, shape.FeedForward], weights, projection, seed++));
            gguf.AddTensor(new GgufTensor($"{block}.ffn_up.weight", [shape.Embedding, shape.FeedForward], weights, projection, seed++));
            gguf.AddTensor(new GgufTensor($"{block}.ffn_down.weight", [shape.FeedForward, shape.Embedding], weights, 1f / MathF.Sqrt(shape.FeedForward), seed++));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await gguf.WriteAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
