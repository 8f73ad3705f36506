// Fresh episodes (src/meta/episodes.ts): blocks split at episode starts, learners reset before every
// episode but the first, and the results of the parts joined as if the block had run whole.
import { describe, expect, it } from 'vitest';
import { episodeChunks, FreshEpisodes, freshEpisodeLength, isEpisodic, sliceBlock } from '../../src/meta/episodes';
import type { BatchLearner } from '../../src/meta/protocol';
import type { BlockResult, StreamBlock } from '../../src/model/engine';

describe('episodeChunks', () => {
  it('splits at every multiple of the length and resets at each but example 0', () => {
    expect(episodeChunks(0, 45, 20)).toEqual([
      { steps: 20, reset: false },
      { steps: 20, reset: true },
      { steps: 5, reset: true },
    ]);
    expect(episodeChunks(13, 10, 20)).toEqual([
      { steps: 7, reset: false },
      { steps: 3, reset: true },
    ]);
    expect(episodeChunks(40, 20, 20)).toEqual([{ steps: 20, reset: true }]);
    expect(episodeChunks(41, 3, 20)).toEqual([{ steps: 3, reset: false }]);
    expect(episodeChunks(7, 100, null)).toEqual([{ steps: 100, reset: false }]);
  });

  it('freshEpisodeLength: the length for a fresh source of episodes, else null', () => {
    const base = { inputSize: 1, numClasses: 2, fillBlock() {} };
    expect(isEpisodic(base)).toBe(false);
    expect(freshEpisodeLength(base)).toBe(null);
    const continuing = { ...base, episodes: { length: 20, fresh: false }, lastMarks: new Uint8Array(0) };
    const fresh = { ...continuing, episodes: { length: 20, fresh: true } };
    expect(freshEpisodeLength(continuing)).toBe(null);
    expect(freshEpisodeLength(fresh)).toBe(20);
  });
});

/** A learner that counts: run s's output at each step is (examples since its last reset) and its input, so a split shows. */
class Counter implements BatchLearner {
  since: number[];
  resets = 0;
  constructor(readonly runs: number) {
    this.since = new Array<number>(runs).fill(0);
  }
  reset(): void {
    this.since.fill(0);
    this.resets++;
  }
  run(block: StreamBlock): BlockResult {
    const T = block.steps;
    const S = this.runs;
    const outputs = new Float32Array(S * T * 2);
    const loss = new Float32Array(S * T);
    const correct = new Uint8Array(S * T);
    for (let s = 0; s < S; s++) {
      for (let t = 0; t < T; t++) {
        outputs.set([this.since[s]++, block.inputs[s * T + t]], (s * T + t) * 2);
        loss[s * T + t] = block.labels[s * T + t];
        correct[s * T + t] = this.since[s] % 2;
      }
    }
    return { runs: S, steps: T, outputs, loss, correct };
  }
}

describe('FreshEpisodes', () => {
  it('runs a block of 7 over episodes of 3 from example 2 in parts (1, 3, 3), resetting twice, and joins [S][T] results in order', async () => {
    const inner = new Counter(2);
    const fresh = new FreshEpisodes(inner, 3, () => inner.reset());
    await fresh.run({ inputs: new Float32Array([0, 0, 0, 0]), labels: new Int32Array(4), steps: 2 });
    const inputs = Float32Array.from({ length: 14 }, (_, i) => 100 + i);
    const labels = Int32Array.from({ length: 14 }, (_, i) => i % 3);
    const r = await fresh.run({ inputs, labels, steps: 7 });
    expect(inner.resets).toBe(2);
    expect(fresh.position).toBe(9);
    const out = Array.from(r.outputs as Float32Array);
    // since: run 0 continues 2 then resets at examples 3 and 6.
    expect(out.filter((_, i) => i % 2 === 0)).toEqual([2, 0, 1, 2, 0, 1, 2, 2, 0, 1, 2, 0, 1, 2]);
    expect(out.filter((_, i) => i % 2 === 1)).toEqual(Array.from(inputs));
    expect(Array.from(r.loss)).toEqual(Array.from(labels));
    expect(Array.from(r.correct)).toEqual([1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1]);
  });

  it('sliceBlock keeps streams [Q][n][A] and streamOfRun', () => {
    const block = {
      inputs: Float32Array.from({ length: 12 }, (_, i) => i),
      labels: Int32Array.from([0, 1, 2, 3, 4, 5]),
      steps: 3,
      streamOfRun: Uint32Array.from([1, 0]),
    };
    const part = sliceBlock(block, 1, 2);
    expect(Array.from(part.inputs)).toEqual([2, 3, 4, 5, 8, 9, 10, 11]);
    expect(Array.from(part.labels)).toEqual([1, 2, 4, 5]);
    expect(part.streamOfRun).toBe(block.streamOfRun);
  });
});
