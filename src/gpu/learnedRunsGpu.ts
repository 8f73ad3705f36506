// LearnedRuns (src/model/learners/learned.ts) on a GPU: the same contract except that run() returns
// a Promise (a block's results come back through an asynchronous map), and the runs own GPU
// buffers to dispose of.
import type { BlockResult, RunOptions, StreamBlock } from '../model/engine';
import type { LearnedRuns } from '../model/learners/learned';

export interface LearnedRunsGpu extends Omit<LearnedRuns, 'run'> {
  /** Human-readable description of what computes (the adapter). */
  readonly description: string;
  /** Every run over the block, one example per dispatch; the state carries over to the next block. */
  run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult>;
  dispose(): void;
}
