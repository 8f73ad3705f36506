// The streamed protocol (runProtocolSummary, AccuracyAccumulator): the same accuracy summary as
// summariseAccuracy over the kept [R][T] correctness, bit for bit, whatever the block size, with
// only [T] + [R] numbers kept; the mean loss summed per run in step order, then over runs.
import { describe, expect, it } from 'vitest';
import { AccuracyAccumulator, summariseAccuracy } from '../../src/meta/cumulative';
import { baselineLearner } from '../../src/meta/learners';
import { runProtocol, runProtocolSummary } from '../../src/meta/protocol';
import { FakeSource } from './fakeSource';

describe('runProtocolSummary', () => {
  it.each([7, 50, 130, 500])(
    'equals summariseAccuracy(runProtocol) bit for bit in blocks of %i (sgd, 5 runs x 130 steps, seed 3)',
    async (blockSteps) => {
      const kept = await runProtocol(baselineLearner('sgd', 6, 3, 5, 3), new FakeSource(6, 3, 5, 3), { steps: 130 });
      const streamed = await runProtocolSummary(baselineLearner('sgd', 6, 3, 5, 3), new FakeSource(6, 3, 5, 3), {
        steps: 130,
        blockSteps,
      });
      expect(streamed.accuracy).toEqual(summariseAccuracy(kept.correct, 5, 130));
      let loss = 0;
      for (let r = 0; r < 5; r++) {
        let run = 0;
        for (let t = 0; t < 130; t++) run += kept.loss[r * 130 + t];
        loss += run;
      }
      expect(streamed.meanLoss).toBe(loss / 650);
    },
  );

  it('has no at100 under 100 steps, as summariseAccuracy', async () => {
    const s = await runProtocolSummary(baselineLearner('adam', 4, 2, 3, 1), new FakeSource(4, 2, 3, 1), {
      steps: 40,
      blockSteps: 9,
    });
    expect(s.accuracy.at100).toBeNull();
    expect(s.accuracy.curve).toHaveLength(40);
  });
});

describe('AccuracyAccumulator', () => {
  it('refuses a block out of order and a summary before the last step', () => {
    const acc = new AccuracyAccumulator(2, 4);
    expect(() => acc.add(new Uint8Array(4), 2, 2)).toThrow(
      'AccuracyAccumulator: expected 2 x 2 values from step 0, got 4 from step 2',
    );
    acc.add(Uint8Array.of(1, 0, 0, 1), 0, 2);
    expect(() => acc.summary()).toThrow('AccuracyAccumulator: 2 of 4 steps added');
    acc.add(Uint8Array.of(1, 1, 0, 0), 2, 2);
    // Run 0: 1 0 1 1, run 1: 0 1 0 0 (each block is [run][step]).
    expect(acc.summary()).toEqual(summariseAccuracy(Uint8Array.of(1, 0, 1, 1, 0, 1, 0, 0), 2, 4));
  });
});
