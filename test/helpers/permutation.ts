// Permutation properties of VSML, checked on any engine:
//  - permuting the inputs together with the a-axis of layer 0's state leaves the outputs unchanged;
//  - permuting the classes together with the b-axis of the last layer's state (and the labels)
//    permutes the outputs the same way.
import type { EngineSpec, StreamBlock, VsmlEngine } from '../../src/model/engine';
import type { VmParams } from '../../src/model/layout';
import { Rng } from '../../src/model/rng';
import { asABJ, type LayerState, type RunState } from '../../src/model/state';

export type EngineFactory = (spec: EngineSpec) => Promise<VsmlEngine>;

export function randomPermutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [p[i], p[k]] = [p[k], p[i]];
  }
  return p;
}

/** new[a][b] = old[pa[a]][pb[b]] for one layer of N-vectors. */
function permuteLayer(s: LayerState, A: number, B: number, N: number, pa: number[], pb: number[]): LayerState {
  const move = (x: Float32Array) => {
    const out = new Float32Array(x.length);
    for (let a = 0; a < A; a++)
      for (let b = 0; b < B; b++) for (let j = 0; j < N; j++) out[(a * B + b) * N + j] = x[(pa[a] * B + pb[b]) * N + j];
    return asABJ(out);
  };
  return { h: move(s.h), c: move(s.c) };
}

export async function runOutputs(
  make: EngineFactory,
  spec: EngineSpec,
  params: VmParams[],
  states: RunState[],
  block: StreamBlock,
): Promise<Float32Array> {
  const e = await make(spec);
  try {
    e.setParams(params);
    e.setState(states);
    return (await e.run(block)).outputs!;
  } finally {
    e.dispose();
  }
}

/** Outputs of the original and of the input-permuted problem: they should be equal. */
export function permuteInputs(spec: EngineSpec, states: RunState[], block: StreamBlock, rng: Rng) {
  const { inputSize: A, config } = spec;
  const N = config.stateSize;
  const pi = randomPermutation(A, rng);
  const B0 = config.hiddenSizes[0] ?? spec.numClasses;
  const id = Array.from({ length: B0 }, (_, b) => b);
  const rows = block.inputs.length / A;
  const inputs = new Float32Array(block.inputs.length);
  for (let r = 0; r < rows; r++) for (let a = 0; a < A; a++) inputs[r * A + a] = block.inputs[r * A + pi[a]];
  const permStates = states.map((s) => s.map((layer, l) => (l === 0 ? permuteLayer(layer, A, B0, N, pi, id) : layer)));
  return { states: permStates, block: { ...block, inputs } };
}

/** The class-permuted problem; its outputs[b] should equal the original outputs[sigma[b]]. */
export function permuteClasses(spec: EngineSpec, states: RunState[], block: StreamBlock, rng: Rng) {
  const { numClasses: K, config } = spec;
  const N = config.stateSize;
  const sigma = randomPermutation(K, rng);
  const inverse = new Array<number>(K);
  sigma.forEach((old, b) => (inverse[old] = b));
  const L = config.hiddenSizes.length;
  const Alast = L === 0 ? spec.inputSize : config.hiddenSizes[L - 1];
  const ida = Array.from({ length: Alast }, (_, a) => a);
  const permStates = states.map((s) =>
    s.map((layer, l) => (l === L ? permuteLayer(layer, Alast, K, N, ida, sigma) : layer)),
  );
  const labels = Int32Array.from(block.labels, (y) => inverse[y]);
  return { sigma, states: permStates, block: { ...block, labels } };
}
