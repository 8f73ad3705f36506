// The online evaluation protocol (paper; official experiment.py:105-167): R runs, each from a fresh
// initial state and with its own stream, predict T examples one at a time, every prediction made
// before its label is seen. The learner is anything that advances R runs over an engine block: a
// VSML engine (S = R) or the baselines. Blocks are bounded in memory, so T may be long; the
// summary (runProtocolSummary) keeps no [R][T] array.
import type { BlockResult, BlockSource, RunOptions, StreamBlock } from '../model/engine';
import { AccuracyAccumulator, type AccuracySummary } from './cumulative';

/** R runs advanced together: run s reads stream s of each block. */
export interface BatchLearner {
  readonly runs: number;
  run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult> | BlockResult;
}

export interface ProtocolOptions {
  /** T: predictions per run. */
  readonly steps: number;
  /** Examples per block (default: as many as keep one block's inputs near 32 MiB, at most 500). */
  readonly blockSteps?: number;
  /** Called after every block with the steps done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What every run did: [R][T] correctness and loss, predictions made before the labels. */
export interface ProtocolResult {
  readonly runs: number;
  readonly steps: number;
  readonly correct: Uint8Array;
  readonly loss: Float32Array;
}

/** Float32 values of one block's inputs the default block size aims for (32 MiB). */
const BLOCK_VALUES = 8 * 1024 * 1024;
const MAX_BLOCK_STEPS = 500;

export const defaultBlockSteps = (runs: number, inputSize: number): number =>
  Math.max(1, Math.min(MAX_BLOCK_STEPS, Math.floor(BLOCK_VALUES / (runs * inputSize))));

/**
 * Every block of the protocol in order: `consume(result, t0, n)` gets each block's [R][n] results
 * (steps t0..t0+n-1) as the learner returned them. Memory: one block, whatever T is.
 */
export async function forEachBlock(
  learner: BatchLearner,
  source: BlockSource,
  opts: ProtocolOptions,
  consume: (r: BlockResult, t0: number, n: number) => void,
): Promise<void> {
  const R = learner.runs;
  const T = opts.steps;
  const A = source.inputSize;
  if (!Number.isInteger(T) || T < 1) throw new Error(`protocol: steps must be a positive integer, got ${T}`);
  const C = Math.min(T, opts.blockSteps ?? defaultBlockSteps(R, A));
  const full = { inputs: new Float32Array(R * C * A), labels: new Int32Array(R * C), steps: C };
  for (let t0 = 0; t0 < T; t0 += C) {
    const n = Math.min(C, T - t0);
    const block = n === C ? full : { inputs: new Float32Array(R * n * A), labels: new Int32Array(R * n), steps: n };
    source.fillBlock(block);
    const r = await learner.run(block, { outputs: false });
    if (r.runs !== R || r.steps !== n)
      throw new Error(`protocol: learner returned ${r.runs} x ${r.steps} results for ${R} x ${n}`);
    consume(r, t0, n);
    opts.onProgress?.(t0 + n, T);
  }
}

/**
 * The protocol with every run's correctness and loss kept ([R][T]): for tests and short runs; long runs use
 * runProtocolSummary.
 */
export async function runProtocol(
  learner: BatchLearner,
  source: BlockSource,
  opts: ProtocolOptions,
): Promise<ProtocolResult> {
  const R = learner.runs;
  const T = opts.steps;
  const correct = new Uint8Array(R * T);
  const loss = new Float32Array(R * T);
  await forEachBlock(learner, source, opts, (r, t0, n) => {
    for (let s = 0; s < R; s++) {
      correct.set(r.correct.subarray(s * n, (s + 1) * n), s * T + t0);
      loss.set(r.loss.subarray(s * n, (s + 1) * n), s * T + t0);
    }
  });
  return { runs: R, steps: T, correct, loss };
}

/** What a streamed protocol keeps: the accuracy summary (a [T] curve and per-run numbers) and the mean loss. */
export interface ProtocolSummary {
  readonly runs: number;
  readonly steps: number;
  readonly accuracy: AccuracySummary;
  /** Mean cross-entropy over all runs and steps (each run's losses summed in step order, then the runs in order). */
  readonly meanLoss: number;
}

/**
 * The protocol summarised as it runs: the same accuracy summary as summariseAccuracy(runProtocol(...))
 * bit for bit, with memory of one block plus [T] + [R] numbers (no [R][T] arrays).
 */
export async function runProtocolSummary(
  learner: BatchLearner,
  source: BlockSource,
  opts: ProtocolOptions,
): Promise<ProtocolSummary> {
  const R = learner.runs;
  const acc = new AccuracyAccumulator(R, opts.steps);
  const lossSums = new Float64Array(R);
  await forEachBlock(learner, source, opts, (r, t0, n) => {
    acc.add(r.correct, t0, n);
    for (let s = 0; s < R; s++) {
      let sum = lossSums[s];
      for (let t = 0; t < n; t++) sum += r.loss[s * n + t];
      lossSums[s] = sum;
    }
  });
  let loss = 0;
  for (let s = 0; s < R; s++) loss += lossSums[s];
  return { runs: R, steps: opts.steps, accuracy: acc.summary(), meanLoss: loss / (R * opts.steps) };
}
