// R runs of the FWMemory learner over a stream (official models.py:540-606), each with its own h, c,
// memory M, previous error and previous label; one parameter vector for all runs or one per run (an
// ES population). The maths of one example is fwMemoryStep.ts.
import { runExamples, type BlockResult, type RunOptions, type StreamBlock } from '../engine';
import type { LearnedRuns, LearnedShape } from './learned';
import { FW_MEMORY_DEFAULTS, fwMemoryLayout, type FwMemoryLayout, type FwMemorySpec } from './fwMemorySpec';
import {
  fwMemoryScratch,
  fwMemoryState,
  fwMemoryStep,
  resetFwMemoryState,
  type FwMemoryScratch,
  type FwMemoryState,
} from './fwMemoryStep';
import { RunParams } from './runParams';

export class FwMemoryRuns implements LearnedRuns {
  readonly kind = 'fw-memory' as const;
  readonly layout: FwMemoryLayout;
  readonly paramCount: number;
  /** The state of every run (read it, e.g. for a test or a view; run() advances it). */
  readonly state: FwMemoryState;
  private readonly scratch: FwMemoryScratch;
  private readonly params: RunParams;

  constructor(
    readonly shape: LearnedShape,
    readonly runs: number,
    readonly spec: FwMemorySpec = FW_MEMORY_DEFAULTS,
  ) {
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`fw-memory: runs must be a positive integer, got ${runs}`);
    this.layout = fwMemoryLayout(shape, spec);
    this.paramCount = this.layout.size;
    this.params = new RunParams('fw-memory', this.paramCount, runs);
    this.state = fwMemoryState(this.layout, runs);
    this.scratch = fwMemoryScratch(this.layout);
  }

  /** Copies the vectors: one for every run, or one per run; each of paramCount finite values. */
  setParams(params: readonly Float32Array[]): void {
    this.params.set(params);
  }

  resetState(): void {
    resetFwMemoryState(this.state);
  }

  run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
    const p = this.params.values;
    const A = this.shape.inputSize;
    const K = this.shape.numClasses;
    const sc = this.scratch;
    return runExamples({ inputSize: A, numClasses: K, runs: this.runs }, block, opts, (s, i, outputs, outOffset) => {
      const head = fwMemoryStep(
        this.layout,
        p,
        this.params.base(s),
        block.inputs,
        i * A,
        block.labels[i],
        this.state,
        s,
        sc,
      );
      if (outputs) outputs.set(sc.head.y, outOffset);
      return head;
    });
  }
}
