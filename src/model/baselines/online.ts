// The online loop of a baseline, for R independent runs at once: each example is predicted with
// the current weights, the prediction (y, loss, correct) is recorded, and only then the weights take
// one optimiser step on that example (official models.py:300-360: the logits of step t are computed
// before the update on (x_t, y_t)). Runs share nothing but the spec; each has its own parameters
// and optimiser state in one [R][P] Float32Array.
import { runExamples, type BlockResult, type RunOptions, type StreamBlock } from '../engine';
import { Rng } from '../rng';
import { boundedSoftmaxCe, type HeadResult } from './boundedLoss';
import type { BaselineSpec } from './kinds';
import { makeOptimizer } from './kinds';
import { mlpBackwardUpdate, mlpForward, mlpScratch, type MlpScratch } from './mlp';
import { initMlp } from './mlpInit';
import { mlpLayout, type MlpLayout } from './mlpLayout';
import type { Optimizer } from './optimizer';

/**
 * Where the initial weights of run r come from, given the evaluation seed:
 *  - 'per-run': new Rng(seed).fork(r), like the VSML runs' initial states (the default here);
 *  - 'shared': new Rng(seed) for every run, so every run starts from the same weights (the official
 *    code does this with a fixed PRNGKey(22); only the data order then differs between runs).
 */
export type BaselineInit = 'per-run' | 'shared';
export const BASELINE_INITS: readonly BaselineInit[] = ['per-run', 'shared'];

export class OnlineBaselines {
  readonly layout: MlpLayout;
  /** [R][P] parameters, run r at r * layout.size. */
  readonly params: Float32Array;
  private readonly opt: Optimizer;
  private readonly scratch: MlpScratch;

  constructor(
    readonly spec: BaselineSpec,
    readonly inputSize: number,
    readonly numClasses: number,
    readonly runs: number,
  ) {
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`baseline: runs must be a positive integer, got ${runs}`);
    this.layout = mlpLayout([inputSize, ...spec.hidden, numClasses]);
    this.params = new Float32Array(runs * this.layout.size);
    this.opt = makeOptimizer(spec.optimizer, runs, this.layout.size);
    this.scratch = mlpScratch(this.layout);
  }

  /** Fresh weights for one run from `rng` (haiku's Linear init) and a cleared optimiser state. */
  resetRun(run: number, rng: Rng): void {
    initMlp(this.layout, rng, this.params, run * this.layout.size);
    this.opt.resetRun(run);
  }

  /** Fresh weights for every run from `seed` (see BaselineInit). */
  reset(seed: number, init: BaselineInit = 'per-run'): void {
    const root = new Rng(seed);
    for (let r = 0; r < this.runs; r++) this.resetRun(r, init === 'shared' ? new Rng(seed) : root.fork(r));
  }

  /**
   * One example for one run: predict from x (A values of `inputs` at `offset`), then update on
   * `label`. When `y` is given, the bounded outputs [K] are written there at `yOffset`.
   */
  step(run: number, inputs: Float32Array, offset: number, label: number, y?: Float32Array, yOffset = 0): HeadResult {
    const s = this.scratch;
    const A = this.inputSize;
    const K = this.numClasses;
    const base = run * this.layout.size;
    const x = s.acts[0];
    for (let a = 0; a < A; a++) x[a] = inputs[offset + a];
    mlpForward(this.layout, this.params, base, s);
    const L = this.layout.layers.length;
    const head = boundedSoftmaxCe(s.acts[L], K, this.spec.tanhBound, label, s.y, s.grads[L - 1]);
    if (y) for (let k = 0; k < K; k++) y[yOffset + k] = s.y[k];
    mlpBackwardUpdate(this.layout, this.params, base, s, this.opt, run);
    return head;
  }

  /** Every run over a block laid out as for the engine (StreamBlock), one example at a time. */
  run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
    const A = this.inputSize;
    return runExamples(this, block, opts, (s, i, outputs, outOffset) =>
      this.step(s, block.inputs, i * A, block.labels[i], outputs ?? undefined, outOffset),
    );
  }
}

export interface BaselinePrediction extends HeadResult {
  /** Bounded outputs y [K], made before the update. */
  readonly y: Float32Array;
}

/** One run, for the studio: reset(seed), then step(x, label) per example. */
export class OnlineBaseline {
  private readonly batch: OnlineBaselines;

  constructor(spec: BaselineSpec, inputSize: number, numClasses: number, seed = 0) {
    this.batch = new OnlineBaselines(spec, inputSize, numClasses, 1);
    this.reset(seed);
  }

  /** The current weights, [P] in the order of `layout`. */
  get params(): Float32Array {
    return this.batch.params;
  }

  get layout(): MlpLayout {
    return this.batch.layout;
  }

  /** Fresh weights from new Rng(seed) and a cleared optimiser state. */
  reset(seed: number): void {
    this.batch.resetRun(0, new Rng(seed));
  }

  step(x: Float32Array, label: number): BaselinePrediction {
    if (x.length !== this.batch.inputSize)
      throw new Error(`baseline: x: expected ${this.batch.inputSize} values, got ${x.length}`);
    if (!(Number.isInteger(label) && label >= 0 && label < this.batch.numClasses)) {
      throw new Error(`baseline: label: must be an integer in [0, ${this.batch.numClasses}), got ${label}`);
    }
    const y = new Float32Array(this.batch.numClasses);
    return { ...this.batch.step(0, x, 0, label, y), y };
  }
}
