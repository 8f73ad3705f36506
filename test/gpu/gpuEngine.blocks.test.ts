// Blocks and determinism: state (including the pending error and backward messages) carries across
// run calls and submits; the same inputs give bit-identical outputs.
import { describe, expect, it } from 'vitest';
import type { BlockResult, StreamBlock } from '../../src/model/engine';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';
import { gpuEngine } from './fixture';

const cfg = config({ hiddenSizes: [5, 4], feedLabel: true, stateSize: 8, messageSize: 4 });
const spec = { config: cfg, inputSize: 6, numClasses: 3, runs: 3 };

/** Examples [t0, t0 + n) of every stream of a block. */
function slice(b: StreamBlock, t0: number, n: number): StreamBlock {
  const Q = b.labels.length / b.steps;
  const A = spec.inputSize;
  const inputs = new Float32Array(Q * n * A);
  const labels = new Int32Array(Q * n);
  for (let q = 0; q < Q; q++) {
    inputs.set(b.inputs.subarray((q * b.steps + t0) * A, (q * b.steps + t0 + n) * A), q * n * A);
    labels.set(b.labels.subarray(q * b.steps + t0, q * b.steps + t0 + n), q * n);
  }
  return { inputs, labels, steps: n };
}

/** Join per-run [S][T] (or [S][T][K]) results of consecutive blocks along T. */
function joinT(parts: BlockResult[], K: number): { outputs: Float32Array; loss: Float32Array } {
  const S = parts[0].runs;
  const T = parts.reduce((n, p) => n + p.steps, 0);
  const outputs = new Float32Array(S * T * K);
  const loss = new Float32Array(S * T);
  let t0 = 0;
  for (const p of parts) {
    for (let s = 0; s < S; s++) {
      outputs.set((p.outputs as Float32Array).subarray(s * p.steps * K, (s + 1) * p.steps * K), (s * T + t0) * K);
      loss.set(p.loss.subarray(s * p.steps, (s + 1) * p.steps), s * T + t0);
    }
    t0 += p.steps;
  }
  return { outputs, loss };
}

async function runOnce(
  seed: number,
  blocks: number[],
  opts: { maxStepsPerSubmit?: number } = {},
): Promise<{ outputs: Float32Array; loss: Float32Array }> {
  const e = await gpuEngine(spec, opts);
  try {
    e.setParams([0, 1, 2].map((s) => randomParams(cfg, seed * 10 + s)));
    e.setState(randomStates(spec, seed));
    const block = randomBlock(spec, 50, 3, seed);
    const parts: BlockResult[] = [];
    let t0 = 0;
    for (const n of blocks) {
      parts.push(await e.run(slice(block, t0, n)));
      t0 += n;
    }
    return joinT(parts, spec.numClasses);
  } finally {
    e.dispose();
  }
}

describe('GpuEngine.run over blocks', () => {
  it('50 examples as one block equal blocks of 20 + 30, bit for bit (2 hidden layers, seed 21)', async () => {
    const one = await runOnce(21, [50]);
    const two = await runOnce(21, [20, 30]);
    expect(two.outputs).toEqual(one.outputs);
    expect(two.loss).toEqual(one.loss);
  });

  it('a block split into submits of 7 examples equals one submit, bit for bit (seed 22)', async () => {
    const one = await runOnce(22, [50]);
    const chunked = await runOnce(22, [50], { maxStepsPerSubmit: 7 });
    expect(chunked.outputs).toEqual(one.outputs);
  });

  it('two identical runs give bit-identical outputs and loss (seed 23)', async () => {
    const a = await runOnce(23, [50]);
    const b = await runOnce(23, [50]);
    expect(b.outputs).toEqual(a.outputs);
    expect(b.loss).toEqual(a.loss);
  });

  it('setState resets the pending error: run, setState, run equals a fresh engine (seed 24)', async () => {
    const e = await gpuEngine(spec);
    try {
      e.setParams([randomParams(cfg, 24)]);
      const states = randomStates(spec, 24);
      const block = randomBlock(spec, 10, 3, 24);
      e.setState(states);
      const first = await e.run(block);
      await e.run(randomBlock(spec, 5, 3, 25));
      e.setState(states);
      const again = await e.run(block);
      expect(again.outputs).toEqual(first.outputs);
    } finally {
      e.dispose();
    }
  });

  it('outputs: false reads back loss and correct only, with the same loss (seed 26)', async () => {
    const e = await gpuEngine(spec);
    try {
      e.setParams([randomParams(cfg, 26)]);
      const states = randomStates(spec, 26);
      const block = randomBlock(spec, 10, 3, 26);
      e.setState(states);
      const full = await e.run(block);
      e.setState(states);
      const lean = await e.run(block, { outputs: false });
      expect(lean.outputs).toBeNull();
      expect(lean.loss).toEqual(full.loss);
      expect(lean.correct).toEqual(full.correct);
    } finally {
      e.dispose();
    }
  });
});
