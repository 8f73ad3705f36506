// The studio's live session, without any DOM: S runs of a VSML learner on an engine and, on the same
// streams, the online baselines, advanced together one block of examples at a time. The UI pulls
// `frame()`s (at most one per animation frame); everything in a frame is a fresh typed array, so the
// worker can transfer it. Runs the same in a Web Worker and in Node (tests).
import { meanStd } from '../meta/cumulative';
import type { BlockSource } from '../meta/protocol';
import { baselineLearner, vsmlLearner } from '../meta/learners';
import type { BaselineName } from '../model/baselines/kinds';
import type { VsmlEngine } from '../model/engine';
import type { Learner } from '../model/formats/learner';

/** Mean and (sample) std over the runs of the cumulative online accuracy after each example. */
export interface AccuracyCurve {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** What the screen shows after the last example. */
export interface Frame {
  readonly examplesSeen: number;
  /** Run 0's last example: its A inputs, its label, and the probabilities predicted before it. */
  readonly input: Float32Array;
  readonly label: number;
  readonly probabilities: Float32Array;
  /** Run 0's last `history` examples, oldest first: [n][K] probabilities and [n] labels. */
  readonly recentProbabilities: Float32Array;
  readonly recentLabels: Int32Array;
  /** VSML and every baseline: the cumulative accuracy curve over all examples so far. */
  readonly accuracy: { readonly [learner: string]: AccuracyCurve };
}

export interface SessionOptions {
  readonly learner: Learner;
  readonly baselines: readonly BaselineName[];
  /** Seed of the initial states / weights (the streams have their own, in `source`). */
  readonly seed: number;
  /** Examples kept for the introspection strip (default 100). */
  readonly history?: number;
}

/** Cumulative accuracy per run, and the curve over the runs. */
class Tally {
  private readonly correct: Float64Array;
  readonly mean: number[] = [];
  readonly std: number[] = [];

  constructor(private readonly runs: number) {
    this.correct = new Float64Array(runs);
  }

  /** One block's correctness [S][T]. */
  add(correct: Uint8Array, steps: number): void {
    const acc = new Float64Array(this.runs);
    for (let t = 0; t < steps; t++) {
      const n = this.mean.length + 1;
      for (let s = 0; s < this.runs; s++) {
        this.correct[s] += correct[s * steps + t];
        acc[s] = this.correct[s] / n;
      }
      const m = meanStd(acc);
      this.mean.push(m.mean);
      this.std.push(m.std ?? 0);
    }
  }

  curve(): AccuracyCurve {
    return { mean: Float64Array.from(this.mean), std: Float64Array.from(this.std) };
  }
}

export class Session {
  private examples = 0;
  private readonly history: number;
  private readonly tallies = new Map<string, Tally>();
  private readonly baselines: { name: BaselineName; learner: ReturnType<typeof baselineLearner> }[];
  private readonly K: number;
  private readonly A: number;
  private input: Float32Array;
  private label = -1;
  private probabilities: Float32Array;
  private readonly recentP: number[] = [];
  private readonly recentL: number[] = [];
  private readonly vsml: ReturnType<typeof vsmlLearner>;

  constructor(
    private readonly engine: VsmlEngine,
    private readonly source: BlockSource,
    options: SessionOptions,
  ) {
    const { runs } = engine.spec;
    this.A = source.inputSize;
    this.K = source.numClasses;
    if (engine.spec.inputSize !== this.A || engine.spec.numClasses !== this.K) {
      throw new Error(`session: the engine is for ${engine.spec.inputSize} inputs x ${engine.spec.numClasses} classes, the data has ${this.A} x ${this.K}`);
    }
    this.history = options.history ?? 100;
    this.vsml = vsmlLearner(engine, options.learner, options.seed);
    this.baselines = options.baselines.map((name) => ({ name, learner: baselineLearner(name, this.A, this.K, runs, options.seed) }));
    this.tallies.set('vsml', new Tally(runs));
    for (const b of this.baselines) this.tallies.set(b.name, new Tally(runs));
    this.input = new Float32Array(this.A);
    this.probabilities = new Float32Array(this.K).fill(1 / this.K);
  }

  get examplesSeen(): number {
    return this.examples;
  }

  /** Advance every run (VSML and baselines) by `steps` examples of the same streams. */
  async step(steps: number): Promise<void> {
    if (!Number.isInteger(steps) || steps < 1) throw new Error(`session: steps must be a positive integer, got ${steps}`);
    const S = this.engine.spec.runs;
    const block = { inputs: new Float32Array(S * steps * this.A), labels: new Int32Array(S * steps), steps };
    this.source.fillBlock(block);
    const r = await this.vsml.run(block, { outputs: true });
    this.tallies.get('vsml')?.add(r.correct, steps);
    for (const b of this.baselines) this.tallies.get(b.name)?.add(b.learner.run(block, { outputs: false }).correct, steps);
    const K = this.K;
    for (let t = 0; t < steps; t++) {
      const y = (r.outputs as Float32Array).subarray(t * K, (t + 1) * K);
      const p = softmax(y);
      this.recentP.push(...p);
      this.recentL.push(block.labels[t]);
    }
    const extra = this.recentL.length - this.history;
    if (extra > 0) {
      this.recentL.splice(0, extra);
      this.recentP.splice(0, extra * K);
    }
    const last = steps - 1;
    this.input = block.inputs.slice(last * this.A, steps * this.A);
    this.label = block.labels[last];
    this.probabilities = Float32Array.from(this.recentP.slice(-K));
    this.examples += steps;
  }

  frame(): Frame {
    const accuracy: Record<string, AccuracyCurve> = {};
    for (const [name, tally] of this.tallies) accuracy[name] = tally.curve();
    return {
      examplesSeen: this.examples,
      input: this.input.slice(),
      label: this.label,
      probabilities: this.probabilities.slice(),
      recentProbabilities: Float32Array.from(this.recentP),
      recentLabels: Int32Array.from(this.recentL),
      accuracy,
    };
  }
}

function softmax(y: Float32Array): number[] {
  let max = -Infinity;
  for (const v of y) max = Math.max(max, v);
  const e = Array.from(y, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
