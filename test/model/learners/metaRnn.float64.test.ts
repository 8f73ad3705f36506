// The Meta RNN's CPU reference (MetaRnnRuns) against the independent float64 implementation of
// test/independent/metaRnnEquations.ts, which reads the same flat parameter vectors through its
// own offsets.
import { describe, expect, it } from 'vitest';
import type { StreamBlock } from '../../../src/model/engine';
import { initMetaRnn } from '../../../src/model/learners/metaRnnInit';
import { MetaRnnRuns } from '../../../src/model/learners/metaRnnRuns';
import type { MetaRnnSpec } from '../../../src/model/learners/metaRnnSpec';
import { Rng } from '../../../src/model/rng';
import { metaRnnParamCount, metaRnnTrace } from '../../independent/metaRnnEquations';

const A = 5;
const K = 4;
const H = 6;
const T = 20;
const R = 3;

/** Params for run r: haiku's init (seed 10 + r) with every bias drawn too, scaled so the gates and outputs saturate at times. */
function runParams(spec: MetaRnnSpec, r: number): Float32Array {
  const p = initMetaRnn({ inputSize: A, numClasses: K }, 10 + r, spec);
  const rng = new Rng(100 + r);
  for (let i = 0; i < p.length; i++) p[i] = p[i] * 2.5 + 0.3 * rng.normal();
  return p;
}

/** R streams of T examples: normal inputs, about a third of them exactly 0; labels in [0, K). */
function streams(seed: number): StreamBlock {
  const rng = new Rng(seed);
  const inputs = Float32Array.from({ length: R * T * A }, () => (rng.uniform() < 0.33 ? 0 : rng.normal()));
  const labels = Int32Array.from({ length: R * T }, () => rng.int(K));
  return { inputs, labels, steps: T };
}

describe('MetaRnnRuns agrees with the independent float64 Meta RNN (A=5, K=4, H=6, 3 runs x 20 examples, distinct params)', () => {
  // Largest differences measured (2026-12-04; each case prints its own): official case max |dy| 1.11e-7,
  // max |dloss| 1.16e-7; bound-2 case max |dy| 5.81e-8, max |dloss| 8.22e-8 (the float32 rounding of y).
  it.each<[string, MetaRnnSpec]>([
    [
      '2 micro-ticks, tanh bound 100 (official), seeds 10-12/100-102, stream seed 7',
      { hidden: H, microTicks: 2, tanhBound: 100 },
    ],
    [
      '3 micro-ticks, tanh bound 2 (the bound bites), seeds 10-12/100-102, stream seed 7',
      { hidden: H, microTicks: 3, tanhBound: 2 },
    ],
  ])('%s: y within 1e-6 + 1e-5 |y|, loss likewise, correct flags equal', (_name, spec) => {
    const params = Array.from({ length: R }, (_, r) => runParams(spec, r));
    expect(params[0].length).toBe(metaRnnParamCount({ A, K, H, microTicks: spec.microTicks, bound: spec.tanhBound }));
    const runs = new MetaRnnRuns({ inputSize: A, numClasses: K }, R, spec);
    runs.setParams(params);
    const block = streams(7);
    const got = runs.run(block);
    let maxY = 0;
    let maxLoss = 0;
    let maxRelY = 0;
    let corrects = 0;
    for (let r = 0; r < R; r++) {
      const xs = Array.from({ length: T }, (_, t) => block.inputs.subarray((r * T + t) * A, (r * T + t + 1) * A));
      const want = metaRnnTrace(
        { A, K, H, microTicks: spec.microTicks, bound: spec.tanhBound },
        Array.from(params[r]),
        xs,
        Array.from(block.labels.subarray(r * T, (r + 1) * T)),
      );
      for (let t = 0; t < T; t++) {
        for (let k = 0; k < K; k++) {
          const a = got.outputs![(r * T + t) * K + k];
          const b = want.y[t][k];
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(b));
          maxY = Math.max(maxY, Math.abs(a - b));
          maxRelY = Math.max(maxRelY, Math.abs(a - b) / Math.max(Math.abs(b), 1e-12));
        }
        const l = got.loss[r * T + t];
        expect(Math.abs(l - want.loss[t])).toBeLessThanOrEqual(1e-6 + 1e-5 * want.loss[t]);
        maxLoss = Math.max(maxLoss, Math.abs(l - want.loss[t]));
        expect(got.correct[r * T + t] === 1).toBe(want.correct[t]);
        corrects += got.correct[r * T + t];
      }
    }
    // The runs must not all be trivially alike: some right, some wrong.
    expect(corrects).toBeGreaterThan(0);
    expect(corrects).toBeLessThan(R * T);
    console.log(
      `meta-rnn float64 (${_name}): max |dy| ${maxY.toExponential(2)}, max rel dy ${maxRelY.toExponential(2)}, max |dloss| ${maxLoss.toExponential(2)}, correct ${corrects}/${R * T}`,
    );
  });

  it('one parameter vector for every run gives each run the trace of that vector on its own stream', () => {
    const spec: MetaRnnSpec = { hidden: H, microTicks: 2, tanhBound: 100 };
    const p = runParams(spec, 0);
    const runs = new MetaRnnRuns({ inputSize: A, numClasses: K }, R, spec);
    runs.setParams([p]);
    const block = streams(8);
    const got = runs.run(block, { outputs: false });
    expect(got.outputs).toBeNull();
    for (let r = 0; r < R; r++) {
      const xs = Array.from({ length: T }, (_, t) => block.inputs.subarray((r * T + t) * A, (r * T + t + 1) * A));
      const want = metaRnnTrace(
        { A, K, H, microTicks: 2, bound: 100 },
        Array.from(p),
        xs,
        Array.from(block.labels.subarray(r * T, (r + 1) * T)),
      );
      for (let t = 0; t < T; t++)
        expect(Math.abs(got.loss[r * T + t] - want.loss[t])).toBeLessThanOrEqual(1e-6 + 1e-5 * want.loss[t]);
    }
  });
});
