// Episodes that start from fresh learners (fast association with `fresh`, the paper's Fig. 9 setting:
// 2K steps from scratch), implemented once for the studio session, its handover replay and the
// evaluation protocol: blocks are split at episode starts (episodeChunks) and, before every episode
// but the first, each learner goes back to where it began: VSML to the run's initial state (with the
// pending error and backward messages at zero, as engine.setState does), a baseline to its initial
// weights and a fresh optimiser. Episode starts are the same step for every run (every run's episode
// is 2K long), so a block is split at the same t for all of them.
import type { BlockResult, BlockSource, RunOptions, StreamBlock, VsmlEngine } from '../model/engine';
import type { Learner } from '../model/formats/learner';
import { initRunStates } from '../model/init';
import { Rng } from '../model/rng';
import type { BatchLearner } from './protocol';

/** A source of episodes (src/data/associationStream.ts's AssociationStreams has this shape). */
export interface EpisodicSource extends BlockSource {
  /** Every run's episodes: their length and whether each starts from fresh learners. */
  readonly episodes: { readonly length: number; readonly fresh: boolean };
  /** [Q][T] marks (src/model/showings.ts) of the examples of the last fillBlock. */
  readonly lastMarks: Uint8Array;
}

export const isEpisodic = (s: BlockSource): s is EpisodicSource => 'episodes' in s && 'lastMarks' in s;

/** The episode length at which learners restart, or null (no source of episodes, or not fresh). */
export const freshEpisodeLength = (s: BlockSource): number | null =>
  isEpisodic(s) && s.episodes.fresh ? s.episodes.length : null;

export interface EpisodeChunk {
  readonly steps: number;
  /** The chunk begins an episode after the stream's first: reset the learners before it. */
  readonly reset: boolean;
}

/**
 * `steps` examples from example `position`, split where an episode of `length` begins (one chunk when length is null).
 */
export function episodeChunks(position: number, steps: number, length: number | null): EpisodeChunk[] {
  if (length === null) return [{ steps, reset: false }];
  const out: EpisodeChunk[] = [];
  let at = position;
  const end = position + steps;
  while (at < end) {
    const next = Math.min(end, (Math.floor(at / length) + 1) * length);
    out.push({ steps: next - at, reset: at > 0 && at % length === 0 });
    at = next;
  }
  return out;
}

/**
 * A function that puts every run of `engine` back to its initial state as drawn by vsmlLearner(engine, learner, seed).
 */
export function vsmlReset(engine: () => VsmlEngine, learner: Learner, seed: number): () => void {
  const e = engine();
  const initial = initRunStates(learner.config, e.shapes, new Rng(seed), e.spec.runs);
  return () => engine().setState(initial);
}

/** Steps t0 .. t0 + n - 1 of a block ([Q][T] streams), in new arrays. */
export function sliceBlock(block: StreamBlock, t0: number, n: number): StreamBlock {
  const T = block.steps;
  const Q = block.labels.length / T;
  const A = block.inputs.length / (Q * T);
  const inputs = new Float32Array(Q * n * A);
  const labels = new Int32Array(Q * n);
  for (let q = 0; q < Q; q++) {
    inputs.set(block.inputs.subarray((q * T + t0) * A, (q * T + t0 + n) * A), q * n * A);
    labels.set(block.labels.subarray(q * T + t0, q * T + t0 + n), q * n);
  }
  return { inputs, labels, steps: n, ...(block.streamOfRun ? { streamOfRun: block.streamOfRun } : {}) };
}

/**
 * A learner whose episodes of `length` each start from fresh (`reset` before every episode but the
 * first): blocks that cross an episode start are run in parts, and the parts' results joined.
 */
export class FreshEpisodes implements BatchLearner {
  /** Examples run so far. */
  position = 0;

  constructor(
    private readonly inner: BatchLearner,
    readonly length: number,
    private readonly reset: () => void,
  ) {}

  get runs(): number {
    return this.inner.runs;
  }

  async run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult> {
    const T = block.steps;
    const chunks = episodeChunks(this.position, T, this.length);
    if (chunks.length === 1) {
      if (chunks[0].reset) this.reset();
      const r = await this.inner.run(block, opts);
      this.position += T;
      return r;
    }
    const S = this.inner.runs;
    const loss = new Float32Array(S * T);
    const correct = new Uint8Array(S * T);
    let outputs: Float32Array | null = null;
    let t0 = 0;
    for (const c of chunks) {
      if (c.reset) this.reset();
      const r = await this.inner.run(sliceBlock(block, t0, c.steps), opts);
      const n = c.steps;
      const K = r.outputs ? r.outputs.length / (S * n) : 0;
      if (r.outputs && !outputs) outputs = new Float32Array(S * T * K);
      for (let s = 0; s < S; s++) {
        loss.set(r.loss.subarray(s * n, (s + 1) * n), s * T + t0);
        correct.set(r.correct.subarray(s * n, (s + 1) * n), s * T + t0);
        if (r.outputs && outputs) outputs.set(r.outputs.subarray(s * n * K, (s + 1) * n * K), (s * T + t0) * K);
      }
      t0 += n;
      this.position += n;
    }
    return { runs: S, steps: T, outputs, loss, correct };
  }
}
