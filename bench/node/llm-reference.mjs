// The same work as Car's LLM benchmark, through node-llama-cpp (the same llama.cpp libraries): evaluate the same
// prompt token ids and generate greedily under the same grammar, N times. Prints JSON for bench/Car.Bench.
// Usage: node llm-reference.mjs MODEL PROMPT_TOKENS_JSON GRAMMAR_FILE MAX_TOKENS RUNS THREADS
import fs from "node:fs";
import { getLlama, LlamaGrammar, LlamaGrammarEvaluationState } from "node-llama-cpp";

const [modelPath, promptFile, grammarFile, maxTokens, runs, threads] = process.argv.slice(2);

const llama = await getLlama({ gpu: false, build: "never", logLevel: "error", maxThreads: Number(threads) });
// Read into memory like Car does (LlmOptions.MemoryMap = false), so both run the same repacked weights.
const model = await llama.loadModel({ modelPath, gpuLayers: 0, useMmap: false });
const context = await model.createContext({ contextSize: 2048, batchSize: 512, threads: Number(threads) });
const sequence = context.getSequence();
const tokens = JSON.parse(fs.readFileSync(promptFile, "utf8"));
const grammar = new LlamaGrammar(llama, { grammar: fs.readFileSync(grammarFile, "utf8") });

const results = [];
for (let run = 0; run < Number(runs); run++) {
  await sequence.clearHistory();
  const state = new LlamaGrammarEvaluationState({ model, grammar });
  const start = performance.now();
  let first = 0;
  let generated = 0;
  for await (const token of sequence.evaluate(tokens, { temperature: 0, grammarEvaluationState: state })) {
    if (generated === 0) first = performance.now() - start;
    generated++;
    if (model.isEogToken(token) || generated >= Number(maxTokens)) break;
  }
  results.push({ firstMs: first, totalMs: performance.now() - start, generated });
}
console.log(JSON.stringify({ promptTokens: tokens.length, results }));
await context.dispose();
await model.dispose();
