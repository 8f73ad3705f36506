// vsml trace --windows: the per-window summary of a trace, on a hand-made trace with exact numbers.
import { describe, expect, it } from 'vitest';
import { formatTraceWindows, traceWindows } from '../../src/cli/traceSummary';
import type { Trace } from '../../src/model/formats/trace';

// K = 2; y = (0, 0) gives p = (1/2, 1/2); y = (ln 3, 0) gives p = (3/4, 1/4).
const L3 = Math.log(3);
const trace: Trace = {
  steps: 3,
  numClasses: 2,
  outputs: Float32Array.from([0, 0, L3, 0, L3, 0]),
  loss: new Float32Array(3),
  correct: Uint8Array.from([0, 1, 0]),
};
const labels = Int32Array.from([1, 0, 1]);

describe('traceWindows', () => {
  it('windows of 2: accuracy, mean p(label), mean largest p, cumulative accuracy; the last window shorter', () => {
    const w = traceWindows(trace, labels, 2);
    expect(w.map((x) => [x.from, x.to, x.accuracy, x.cumulativeAccuracy])).toEqual([
      [1, 2, 0.5, 0.5],
      [3, 3, 0, 1 / 3],
    ]);
    expect(w[0].labelProbability).toBeCloseTo((0.5 + 0.75) / 2, 6);
    expect(w[0].confidence).toBeCloseTo((0.5 + 0.75) / 2, 6);
    expect(w[1].labelProbability).toBeCloseTo(0.25, 6);
    expect(w[1].confidence).toBeCloseTo(0.75, 6);
  });

  it('prints one row per window', () => {
    expect(formatTraceWindows(traceWindows(trace, labels, 2))).toEqual([
      'examples  accuracy  p(label)  confidence  cum. acc.',
      '1-2       0.5000    0.6250    0.6250      0.5000',
      '3-3       0.0000    0.2500    0.7500      0.3333',
    ]);
  });
});
