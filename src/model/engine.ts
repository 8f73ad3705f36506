// The engine interface shared by the CPU reference and the WebGPU engine.
// An engine advances S independent runs of one VSML grid shape, each with its own state and
// (optionally) its own V_M, over blocks of examples.
import type { VsmlConfig } from './config';
import { layerSizes } from './config';
import type { VmParams } from './layout';
import { paramLayout } from './layout';
import { fail, formatFieldError, ok, type Result } from './result';
import { layerShapes, type LayerShape, type RunState } from './state';

export type BackendName = 'cpu' | 'webgpu';

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
  /** The full state of one run, in [a][b][j] layout. */
  readState(run: number): Promise<RunState>;
  /** One state dimension of one layer of one run: [A][B] values of h or c at dim j. */
  readStateSlice(run: number, layer: number, vector: StateVector, j: number): Promise<Float32Array>;
  dispose(): void;
}

export const specShapes = (spec: EngineSpec): LayerShape[] =>
  layerShapes(layerSizes(spec.config, spec.inputSize, spec.numClasses));

/** Resolve which stream each run reads, checking sizes and label ranges (also used by the baselines). */
export function checkBlock(spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>, block: StreamBlock): Result<Uint32Array> {
  const { inputSize: A, numClasses: K, runs: S } = spec;
  const T = block.steps;
  if (!Number.isInteger(T) || T < 1) return fail('range', 'steps', `must be a positive integer, got ${T}`);
  if (block.labels.length % T !== 0) return fail('shape', 'labels', `length ${block.labels.length} is not a multiple of steps (${T})`);
  const Q = block.labels.length / T;
  if (block.inputs.length !== Q * T * A) {
    return fail('shape', 'inputs', `expected ${Q} x ${T} x ${A} = ${Q * T * A} values, got ${block.inputs.length}`);
  }
  for (let i = 0; i < block.labels.length; i++) {
    const y = block.labels[i];
    if (!(y >= 0 && y < K)) return fail('range', `labels[${i}]`, `must be in [0, ${K}), got ${y}`);
  }
  let map = block.streamOfRun;
  if (!map) {
    if (Q !== S && Q !== 1) return fail('shape', 'streamOfRun', `needed: ${Q} streams for ${S} runs`);
    map = Uint32Array.from({ length: S }, (_, s) => (Q === S ? s : 0));
  }
  if (map.length !== S) return fail('shape', 'streamOfRun', `expected ${S} entries, got ${map.length}`);
  for (let s = 0; s < S; s++) if (map[s] >= Q) return fail('range', `streamOfRun[${s}]`, `must be below ${Q}, got ${map[s]}`);
  return ok(map);
}

/** Check a params list for an engine: 1 or S entries, each of the layout's size and finite. */
export function checkParams(spec: EngineSpec, params: readonly VmParams[]): Result<true> {
  const size = paramLayout(spec.config).size;
  if (params.length !== 1 && params.length !== spec.runs) {
    return fail('shape', 'params', `expected 1 or ${spec.runs} parameter sets, got ${params.length}`);
  }
  for (let r = 0; r < params.length; r++) {
    if (params[r].length !== size) return fail('shape', `params[${r}]`, `expected ${size} values, got ${params[r].length}`);
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
