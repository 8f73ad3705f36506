// The engine interface shared by the CPU reference, the fast CPU engine (src/cpu) and the WebGPU engine.
// An engine advances S independent runs of one VSML grid shape, each with its own state and
// (optionally) its own V_M, over blocks of examples.
import type { VsmlConfig } from './config';
import { layerSizes } from './config';
import type { VmParams } from './layout';
import { paramLayout } from './layout';
import { fail, formatFieldError, ok, type Result } from './result';
import { layerShapes, type LayerShape, type RunState } from './state';

/**
 * 'reference': the TypeScript CPU reference (ReferenceEngine); 'cpu': the fast CPU engine (WebAssembly SIMD, threads);
 * 'webgpu'.
 */
export type BackendName = 'reference' | 'cpu' | 'webgpu';

export interface EngineSpec {
  readonly config: VsmlConfig;
  /** A: inputs of the first layer. */
  readonly inputSize: number;
  /** K: classes = outputs of the last layer. */
  readonly numClasses: number;
  /** S: independent runs advanced together (seeds, or ES population members). */
  readonly runs: number;
}

export interface StreamBlock {
  /** Q streams x T steps x A inputs, row-major. */
  readonly inputs: Float32Array;
  /** Q streams x T labels in [0, K). */
  readonly labels: Int32Array;
  /** T: examples in this block. */
  readonly steps: number;
  /** [S] stream read by each run, in [0, Q). Default: run s reads stream s when Q = S, else stream 0. */
  readonly streamOfRun?: Uint32Array;
}

/** R streams of examples, filling one StreamBlock at a time (src/data's stream sets implement it). */
export interface BlockSource {
  readonly inputSize: number;
  readonly numClasses: number;
  /** Overwrite the block's arrays ([R][steps][A], [R][steps]) with every run's next examples. */
  fillBlock(block: { readonly inputs: Float32Array; readonly labels: Int32Array; readonly steps: number }): void;
}

/**
 * Examples an engine may keep resident (the GPU engine keeps them in GPU memory, keyed by the object:
 * do not change one after its first use). An ExampleTask of src/data/types.ts is one.
 */
export interface IndexedDataset {
  /** A: values per example. */
  readonly inputSize: number;
  /** N: examples. */
  readonly count: number;
  /** [N][A], row-major. */
  readonly inputs: Float32Array;
  /** [N] labels in [0, K). */
  readonly labels: Int32Array;
}

/**
 * A block given as example indices into resident datasets instead of values: stream q's example t is
 * datasets[datasetOfStream[q]] example indices[q * T + t], then (when projectionSeeds[q] is a number)
 * projected x' = x P with P = projectionMatrix(A, seed) of src/data/transforms/projection.ts.
 * Engines without runIndexed run its expansion (src/data/indexedBlock.ts), which defines the values.
 */
export interface IndexedBlock {
  readonly datasets: readonly IndexedDataset[];
  /** [Q] dataset of each stream; default: all read datasets[0]. */
  readonly datasetOfStream?: Uint32Array;
  /** [Q][T] example indices. */
  readonly indices: Uint32Array;
  /** T: examples in this block. */
  readonly steps: number;
  /** [S] stream read by each run (as StreamBlock.streamOfRun). */
  readonly streamOfRun?: Uint32Array;
  /** [Q] seed (uint32) of each stream's random projection, or null for none; default: none. */
  readonly projectionSeeds?: readonly (number | null)[];
}

/** What checkIndexedBlock resolves. */
export interface IndexedLayout {
  /** Q. */
  readonly streams: number;
  readonly streamOfRun: Uint32Array;
  readonly datasetOfStream: Uint32Array;
}

export interface RunOptions {
  /** Read back the bounded outputs y (default true). Loss and correctness always come back. */
  readonly outputs?: boolean;
}

export interface BlockResult {
  readonly runs: number;
  readonly steps: number;
  /** [S][T][K] bounded outputs y (logits of the softmax), or null when not asked for. */
  readonly outputs: Float32Array | null;
  /** [S][T] cross-entropy of softmax(y) against the label, for predictions made before the label. */
  readonly loss: Float32Array;
  /** [S][T] 1 when argmax y (first maximum) equals the label. */
  readonly correct: Uint8Array;
}

export type StateVector = 'h' | 'c';

export interface VsmlEngine {
  readonly backend: BackendName;
  /** Human-readable description of what computes (e.g. the GPU adapter). */
  readonly description: string;
  readonly spec: EngineSpec;
  readonly shapes: readonly LayerShape[];
  /** One V_M shared by every run (length 1), or one per run (length S). */
  setParams(params: readonly VmParams[]): void;
  /** Replace every run's state (length S). The pending error and backward messages reset to zero. */
  setState(states: readonly RunState[]): void;
  /** Advance every run over the block, one example at a time. */
  run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult>;
  /**
   * Optional: run() on an indexed block without its values crossing to the engine (the GPU engine
   * gathers and projects on the device). Same results as run() of its expansion (within 1e-4 on the
   * GPU: the projection sums in float32 there).
   */
  runIndexed?(block: IndexedBlock, opts?: RunOptions): Promise<BlockResult>;
  /** The full state of one run, in [a][b][j] layout. */
  readState(run: number): Promise<RunState>;
  /** One state dimension of one layer of one run: [A][B] values of h or c at dim j. */
  readStateSlice(run: number, layer: number, vector: StateVector, j: number): Promise<Float32Array>;
  dispose(): void;
}

export const specShapes = (spec: EngineSpec): LayerShape[] =>
  layerShapes(layerSizes(spec.config, spec.inputSize, spec.numClasses));

/** Resolve which stream each run reads, checking sizes and label ranges (also used by the baselines). */
export function checkBlock(
  spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>,
  block: StreamBlock,
): Result<Uint32Array> {
  const { inputSize: A, numClasses: K, runs: S } = spec;
  const T = block.steps;
  if (!Number.isInteger(T) || T < 1) return fail('range', 'steps', `must be a positive integer, got ${T}`);
  if (block.labels.length % T !== 0)
    return fail('shape', 'labels', `length ${block.labels.length} is not a multiple of steps (${T})`);
  const Q = block.labels.length / T;
  if (block.inputs.length !== Q * T * A) {
    return fail('shape', 'inputs', `expected ${Q} x ${T} x ${A} = ${Q * T * A} values, got ${block.inputs.length}`);
  }
  for (let i = 0; i < block.labels.length; i++) {
    const y = block.labels[i];
    if (!(y >= 0 && y < K)) return fail('range', `labels[${i}]`, `must be in [0, ${K}), got ${y}`);
  }
  return resolveStreamOfRun(Q, S, block.streamOfRun);
}

/** The stream of each of S runs over Q streams: the given map, checked, or the default. */
function resolveStreamOfRun(Q: number, S: number, given: Uint32Array | undefined): Result<Uint32Array> {
  let map = given;
  if (!map) {
    if (Q !== S && Q !== 1) return fail('shape', 'streamOfRun', `needed: ${Q} streams for ${S} runs`);
    map = Uint32Array.from({ length: S }, (_, s) => (Q === S ? s : 0));
  }
  if (map.length !== S) return fail('shape', 'streamOfRun', `expected ${S} entries, got ${map.length}`);
  for (let s = 0; s < S; s++)
    if (map[s] >= Q) return fail('range', `streamOfRun[${s}]`, `must be below ${Q}, got ${map[s]}`);
  return ok(map);
}

/**
 * Check an indexed block against a spec: shapes, datasets of the spec's A, indices in range, labels of the indexed
 * examples in [0, K).
 */
export function checkIndexedBlock(
  spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>,
  block: IndexedBlock,
): Result<IndexedLayout> {
  const { inputSize: A, numClasses: K, runs: S } = spec;
  const T = block.steps;
  if (!Number.isInteger(T) || T < 1) return fail('range', 'steps', `must be a positive integer, got ${T}`);
  if (block.indices.length % T !== 0)
    return fail('shape', 'indices', `length ${block.indices.length} is not a multiple of steps (${T})`);
  const Q = block.indices.length / T;
  if (block.datasets.length < 1) return fail('shape', 'datasets', 'at least one dataset is needed');
  for (let d = 0; d < block.datasets.length; d++) {
    const ds = block.datasets[d];
    if (ds.inputSize !== A)
      return fail('shape', `datasets[${d}].inputSize`, `the engine takes ${A} inputs, the dataset has ${ds.inputSize}`);
    if (!Number.isInteger(ds.count) || ds.count < 1)
      return fail('range', `datasets[${d}].count`, `must be a positive integer, got ${ds.count}`);
    if (ds.inputs.length !== ds.count * A)
      return fail(
        'shape',
        `datasets[${d}].inputs`,
        `expected ${ds.count} x ${A} = ${ds.count * A} values, got ${ds.inputs.length}`,
      );
    if (ds.labels.length !== ds.count)
      return fail('shape', `datasets[${d}].labels`, `expected ${ds.count} labels, got ${ds.labels.length}`);
  }
  const dos = block.datasetOfStream ?? new Uint32Array(Q);
  if (dos.length !== Q)
    return fail('shape', 'datasetOfStream', `expected ${Q} entries (one per stream), got ${dos.length}`);
  for (let q = 0; q < Q; q++) {
    if (dos[q] >= block.datasets.length)
      return fail('range', `datasetOfStream[${q}]`, `must be below ${block.datasets.length}, got ${dos[q]}`);
  }
  for (let i = 0; i < block.indices.length; i++) {
    const ds = block.datasets[dos[Math.floor(i / T)]];
    const n = block.indices[i];
    if (n >= ds.count)
      return fail('range', `indices[${i}]`, `must be below the dataset's ${ds.count} examples, got ${n}`);
    const y = ds.labels[n];
    if (!(y >= 0 && y < K))
      return fail('range', `datasets[${dos[Math.floor(i / T)]}].labels[${n}]`, `must be in [0, ${K}), got ${y}`);
  }
  const seeds = block.projectionSeeds;
  if (seeds) {
    if (seeds.length !== Q)
      return fail('shape', 'projectionSeeds', `expected ${Q} entries (one per stream), got ${seeds.length}`);
    for (let q = 0; q < Q; q++) {
      const v = seeds[q];
      if (v !== null && !(Number.isInteger(v) && v >= 0 && v <= 0xffffffff))
        return fail('range', `projectionSeeds[${q}]`, `must be null or an integer in [0, 2^32), got ${v}`);
    }
  }
  const map = resolveStreamOfRun(Q, S, block.streamOfRun);
  if (!map.ok) return map;
  return ok({ streams: Q, streamOfRun: map.value, datasetOfStream: dos });
}

/** Check a params list for an engine: 1 or S entries, each of the layout's size and finite. */
export function checkParams(spec: EngineSpec, params: readonly VmParams[]): Result<true> {
  const size = paramLayout(spec.config).size;
  if (params.length !== 1 && params.length !== spec.runs) {
    return fail('shape', 'params', `expected 1 or ${spec.runs} parameter sets, got ${params.length}`);
  }
  for (let r = 0; r < params.length; r++) {
    if (params[r].length !== size)
      return fail('shape', `params[${r}]`, `expected ${size} values, got ${params[r].length}`);
    const bad = params[r].findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) return fail('nan', `params[${r}][${bad}]`, `is ${params[r][bad]}`);
  }
  return ok(true);
}

/** What advancing one run by one example returns. */
export interface ExampleResult {
  readonly loss: number;
  readonly correct: boolean;
}

/**
 * Every run over a block, one example at a time, for learners that step examples on the CPU.
 * `step(s, i, outputs, outOffset)` advances run s on example i (index q*T + t of the block's
 * streams) and, when `outputs` is given, writes its K outputs there at `outOffset`.
 */
export function runExamples(
  spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>,
  block: StreamBlock,
  opts: RunOptions,
  step: (s: number, i: number, outputs: Float32Array | null, outOffset: number) => ExampleResult,
): BlockResult {
  const map = checkBlock(spec, block);
  if (!map.ok) throw new Error(formatFieldError(map.error));
  const { runs: S, numClasses: K } = spec;
  const T = block.steps;
  const outputs = opts.outputs === false ? null : new Float32Array(S * T * K);
  const loss = new Float32Array(S * T);
  const correct = new Uint8Array(S * T);
  for (let s = 0; s < S; s++) {
    const q = map.value[s];
    for (let t = 0; t < T; t++) {
      const r = step(s, q * T + t, outputs, (s * T + t) * K);
      loss[s * T + t] = r.loss;
      correct[s * T + t] = r.correct ? 1 : 0;
    }
  }
  return { runs: S, steps: T, outputs, loss, correct };
}
