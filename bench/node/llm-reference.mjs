// The same work as Car's LLM benchmark, through node-llama-cpp (the same llama.cpp libraries): evaluate one
// prompt and generate greedily under one grammar, N times. Prints JSON for bench/Car.Bench to compare.
// Usage: node llm-reference.mjs MODEL PROMPT_FILE GRAMMAR_FILE MAX_TOKENS RUNS THREADS
import fs from "node:fs";
import { getLlama, LlamaGrammar, LlamaGrammarEvaluationState } from "node-llama-cpp";

const [modelPath, promptFile, grammarFile, maxTokens, runs, threads] = process.argv.slice(2);

const llama = await getLlama({ gpu: false, build: "never", logLevel: "error", maxThreads: Number(threads) });
const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
const context = await model.createContext({ contextSize: 2048, batchSize: 512, threads: Number(threads) });
const sequence = context.getSequence();
const tokens = model.tokenize(fs.readFileSync(promptFile, "utf8"), true);
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
