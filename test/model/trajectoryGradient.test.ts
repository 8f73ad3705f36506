import { describe, expect, it } from 'vitest';
import type { VsmlConfig } from '../../src/model/config';
import type { EngineSpec } from '../../src/model/engine';
import { specShapes } from '../../src/model/engine';
import { paramLayout } from '../../src/model/layout';
import { tickNetwork, zeroCarry } from '../../src/model/reference';
import { Rng } from '../../src/model/rng';
import { cloneRunState } from '../../src/model/state';
import {
  carriesHeld,
  defaultSegment,
  GRADIENT_BACKWARD_PASS,
  trajectoryGradient,
  type Trajectory,
} from '../../src/model/grad/trajectoryGradient';
import { config, randomBlock, randomParams, randomStates } from '../helpers/random';

function fixture(cfg: VsmlConfig, A: number, K: number, T: number, seed: number) {
  const spec: EngineSpec = { config: cfg, inputSize: A, numClasses: K, runs: 1 };
  const block = randomBlock(spec, T, 1, seed);
  const [state] = randomStates(spec, seed);
  const traj: Trajectory = { inputs: block.inputs, labels: block.labels, steps: T, state };
  return { spec, shapes: specShapes(spec), traj };
}

/** Central difference of the float64 meta-loss along coordinate k. */
function centralDiff(
  cfg: VsmlConfig,
  theta: Float64Array,
  k: number,
  fx: ReturnType<typeof fixture>,
  h = 1e-6,
): number {
  const at = (d: number) => {
    const q = new Float64Array(theta);
    q[k] += d;
    return trajectoryGradient(cfg, q, fx.shapes, fx.traj, null).loss;
  };
  return (at(h) - at(-h)) / (2 * h);
}

describe('trajectoryGradient', () => {
  it("its meta-loss is the reference protocol's mean loss (hidden [3], feedLabel, A=5, K=3, T=12, seed 31)", () => {
    const cfg = config({ stateSize: 6, messageSize: 4, hiddenSizes: [3], feedLabel: true });
    const fx = fixture(cfg, 5, 3, 12, 31);
    const params = randomParams(cfg, 31, 1);
    const carry = zeroCarry(
      cfg,
      fx.shapes,
      cloneRunState(fx.traj.state).map((s) => ({ h: s.h, c: s.c })),
    );
    let sum = 0;
    let correct = 0;
    for (let t = 0; t < 12; t++) {
      const r = tickNetwork(
        cfg,
        params,
        fx.shapes,
        carry,
        fx.traj.inputs.subarray(t * 5, t * 5 + 5),
        fx.traj.labels[t],
      );
      sum += r.loss;
      if (r.correct) correct++;
    }
    const g = trajectoryGradient(cfg, params, fx.shapes, fx.traj, null);
    expect(Math.abs(g.loss - sum / 12)).toBeLessThan(1e-5);
    expect(g.accuracy).toBe(correct / 12);
  });

  const cases: { name: string; cfg: Partial<VsmlConfig>; A: number; K: number }[] = [
    { name: 'one layer, A=3, K=2', cfg: {}, A: 3, K: 2 },
    { name: 'hidden [2], feedLabel, A=3, K=3', cfg: { hiddenSizes: [2], feedLabel: true }, A: 3, K: 3 },
    { name: 'hidden [2, 2], 3 micro-ticks, A=2, K=2', cfg: { hiddenSizes: [2, 2], microTicks: 3 }, A: 2, K: 2 },
  ];
  for (const c of cases) {
    it(`matches central differences on every block of V_M (${c.name}, N=4, M=3, T=6, seed 5)`, () => {
      const cfg = config({ stateSize: 4, messageSize: 3, tanhBound: 3, ...c.cfg });
      const fx = fixture(cfg, c.A, c.K, 6, 5);
      const theta = Float64Array.from(randomParams(cfg, 5, 1.5));
      const grad = new Float64Array(theta.length);
      trajectoryGradient(cfg, theta, fx.shapes, fx.traj, grad);
      const layout = paramLayout(cfg);
      const rng = new Rng(77);
      const blocks = [layout.lstmW, layout.lstmB, layout.fwdW, layout.fwdB, layout.bwdW, layout.bwdB];
      let worst = 0;
      let norm = 0;
      for (const b of blocks) {
        for (let n = 0; n < 6; n++) {
          const k = b.offset + rng.int(b.rows * b.cols);
          const fd = centralDiff(cfg, theta, k, fx);
          worst = Math.max(worst, Math.abs(fd - grad[k]));
          norm = Math.max(norm, Math.abs(fd));
        }
      }
      expect(norm).toBeGreaterThan(1e-3);
      expect(worst).toBeLessThan(1e-6 + 1e-5 * norm);
    });
  }

  it('the error fed back is differentiated through: dropping that path changes the gradient (seed 6)', () => {
    const cfg = config({ stateSize: 4, messageSize: 3, tanhBound: 3 });
    const fx = fixture(cfg, 3, 2, 6, 6);
    const theta = Float64Array.from(randomParams(cfg, 6, 1.5));
    const grad = new Float64Array(theta.length);
    trajectoryGradient(cfg, theta, fx.shapes, fx.traj, grad);
    // The bwd-message rows of lstm.w only matter through the fed-back error.
    const L = paramLayout(cfg);
    const k = L.lstmW.offset + cfg.messageSize * 4 * cfg.stateSize;
    expect(Math.abs(grad[k])).toBeGreaterThan(1e-6);
    expect(Math.abs(centralDiff(cfg, theta, k, fx) - grad[k])).toBeLessThan(1e-7);
  });

  it('checkpointed recomputation: every segment length gives the same loss, accuracy and gradient bits (hidden [2], T=23, seed 8)', () => {
    const cfg = config({ stateSize: 4, messageSize: 3, hiddenSizes: [2], feedLabel: true });
    const fx = fixture(cfg, 4, 3, 23, 8);
    const theta = Float64Array.from(randomParams(cfg, 8, 1.5));
    const run = (segment: number) => {
      const grad = new Float64Array(theta.length);
      const r = trajectoryGradient(cfg, theta, fx.shapes, fx.traj, grad, segment);
      return { r, grad: [...grad] };
    };
    const all = run(23); // one segment: every carry kept, as before checkpointing
    for (const segment of [1, 2, 5, defaultSegment(23), 22, 40]) {
      const x = run(segment);
      expect(x.r).toEqual(all.r);
      expect(x.grad).toEqual(all.grad);
    }
    expect(all.grad.some((g) => g !== 0)).toBe(true);
    expect(() => trajectoryGradient(cfg, theta, fx.shapes, fx.traj, null, 0)).toThrow(
      'segment: must be an integer >= 1, got 0',
    );
  });

  it('refuses backwardPass=true, naming config.backwardPass (the tape follows the forward tick only)', () => {
    const cfg = config({ stateSize: 4, messageSize: 3, backwardPass: true });
    const fx = fixture(cfg, 5, 4, 3, 9);
    const theta = Float64Array.from(randomParams(cfg, 9));
    expect(() => trajectoryGradient(cfg, theta, fx.shapes, fx.traj, new Float64Array(theta.length))).toThrow(
      GRADIENT_BACKWARD_PASS,
    );
    expect(GRADIENT_BACKWARD_PASS).toMatch(/^config\.backwardPass: /);
  });

  it('holds 45 carries at T = 500 (segment 23) instead of 500, and 2 at T = 1', () => {
    expect([defaultSegment(500), carriesHeld(500), carriesHeld(500, 500), carriesHeld(1), carriesHeld(2000)]).toEqual([
      23, 45, 501, 2, 90,
    ]);
  });
});
