// R runs of the Meta RNN over a stream (official models.py:249-297), each with its own h, c,
// previous error and previous label; one parameter vector for all runs or one per run (an ES
// population). The maths of one example is metaRnnStep.ts.
import { runExamples, type BlockResult, type RunOptions, type StreamBlock } from '../engine';
import type { LearnedRuns, LearnedShape } from './learned';
import { META_RNN_DEFAULTS, metaRnnLayout, type MetaRnnLayout, type MetaRnnSpec } from './metaRnnSpec';
import {
  metaRnnScratch,
  metaRnnState,
  metaRnnStep,
  resetMetaRnnState,
  type MetaRnnScratch,
  type MetaRnnState,
} from './metaRnnStep';

export class MetaRnnRuns implements LearnedRuns {
  readonly kind = 'meta-rnn' as const;
  readonly layout: MetaRnnLayout;
  readonly paramCount: number;
  /** The state of every run (read it, e.g. for a test or a view; run() advances it). */
  readonly state: MetaRnnState;
  private readonly scratch: MetaRnnScratch;
  private params: readonly Float32Array[] = [];

  constructor(
    readonly shape: LearnedShape,
    readonly runs: number,
    readonly spec: MetaRnnSpec = META_RNN_DEFAULTS,
  ) {
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`meta-rnn: runs must be a positive integer, got ${runs}`);
    this.layout = metaRnnLayout(shape, spec);
    this.paramCount = this.layout.size;
    this.state = metaRnnState(this.layout, runs);
    this.scratch = metaRnnScratch(this.layout);
  }

  /** Copies the vectors: one for every run, or one per run; each of paramCount finite values. */
  setParams(params: readonly Float32Array[]): void {
    if (params.length !== 1 && params.length !== this.runs) {
      throw new Error(`meta-rnn: params: expected 1 or ${this.runs} parameter vectors, got ${params.length}`);
    }
    params.forEach((p, r) => {
      if (p.length !== this.paramCount)
        throw new Error(`meta-rnn: params[${r}]: expected ${this.paramCount} values, got ${p.length}`);
      for (let i = 0; i < p.length; i++) {
        if (p[i] - p[i] !== 0) throw new Error(`meta-rnn: params[${r}][${i}]: is ${p[i]}`); // NaN or ±Infinity
      }
    });
    this.params = params.map((p) => p.slice());
  }

  resetState(): void {
    resetMetaRnnState(this.state);
  }

  run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
    if (this.params.length === 0) throw new Error('meta-rnn: no parameters (call setParams first)');
    const A = this.shape.inputSize;
    const K = this.shape.numClasses;
    const sc = this.scratch;
    return runExamples({ inputSize: A, numClasses: K, runs: this.runs }, block, opts, (s, i, outputs, outOffset) => {
      const p = this.params.length === 1 ? this.params[0] : this.params[s];
      const head = metaRnnStep(this.layout, p, block.inputs, i * A, block.labels[i], this.state, s, sc);
      if (outputs) for (let k = 0; k < K; k++) outputs[outOffset + k] = sc.y[k];
      return head;
    });
  }
}
