import { describe, expect, it } from 'vitest';
import { cellCloneGradient, recordTeacher } from '../../src/model/clone/cellClone';
import { SgdTeacher } from '../../src/model/clone/sgdTeacher';
import { paramLayout } from '../../src/model/layout';
import { Rng } from '../../src/model/rng';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';

describe('SgdTeacher', () => {
  it('predicts y = mean_a w_ab x_a, then steps w <- w - eta x e with e = softmax(y) - onehot (A=2, K=2, eta 2)', () => {
    const t = new SgdTeacher({ inputSize: 2, numClasses: 2, runs: 1 }, 2);
    const x = [1, -3];
    const r = t.step(0, x, 0, 1);
    // y = 0: p = (1/2, 1/2), e = (1/2, -1/2); loss ln 2; argmax 0 (first maximum) is wrong.
    expect(r).toEqual({ loss: Math.log(2), correct: false });
    expect(Array.from(t.w)).toEqual([-1, 1, 3, -3]);
    expect(Array.from(t.predict(0, x, 0))).toEqual([(-1 * 1 + 3 * -3) / 2, (1 * 1 + -3 * -3) / 2]);
  });
});

describe('cellCloneGradient', () => {
  const cfg = config({ stateSize: 4, messageSize: 3, tanhBound: 3 });
  const spec = { config: cfg, inputSize: 3, numClasses: 2, runs: 1 };
  const block = randomBlock(spec, 6, 1, 8);
  const [state] = randomStates(spec, 8);
  const traj = { inputs: block.inputs, labels: block.labels, steps: 6, state };

  it("targets are the teacher's w_ab(t) x_a(t) before its update at t (seed 8)", () => {
    const rec = recordTeacher(3, 3, 2, traj);
    const t = new SgdTeacher({ inputSize: 3, numClasses: 2, runs: 1 }, 3);
    for (let s = 0; s < 4; s++) t.step(0, traj.inputs, s * 3, traj.labels[s]);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 2; b++)
        expect(rec.targets[(4 * 3 + a) * 2 + b]).toBeCloseTo(t.w[a * 2 + b] * traj.inputs[4 * 3 + a], 12);
  });

  it('matches central differences on every block of V_M (N=4, M=3, A=3, K=2, T=6, seed 8)', () => {
    const theta = Float64Array.from(randomParams(cfg, 8, 1.5));
    const grad = new Float64Array(theta.length);
    cellCloneGradient(cfg, theta, 3, 2, traj, 3, grad);
    const L = paramLayout(cfg);
    const rng = new Rng(78);
    let worst = 0;
    let norm = 0;
    for (const b of [L.lstmW, L.lstmB, L.fwdW, L.fwdB, L.bwdW, L.bwdB]) {
      for (let n = 0; n < 5; n++) {
        const k = b.offset + rng.int(b.rows * b.cols);
        const at = (d: number) => {
          const q = new Float64Array(theta);
          q[k] += d;
          return cellCloneGradient(cfg, q, 3, 2, traj, 3, null).loss;
        };
        const fd = (at(1e-6) - at(-1e-6)) / 2e-6;
        worst = Math.max(worst, Math.abs(fd - grad[k]));
        norm = Math.max(norm, Math.abs(fd));
      }
    }
    expect(norm).toBeGreaterThan(1e-3);
    expect(worst).toBeLessThan(1e-6 + 1e-5 * norm);
  });
});
