// When a run checkpoints and evaluates (shared by the CLI loop and the studio's trainer worker), and
// the held-out curve behind the studio's evaluation charts.
import { describe, expect, it } from 'vitest';
import { checkpointDue, evaluationDue } from '../../src/meta/schedule';
import { tinyConfig, tinyTrainer } from './trainerHelpers';

const due = (f: (step: number) => boolean, upTo: number) => Array.from({ length: upTo + 1 }, (_, s) => s).filter(f);

describe('checkpointDue / evaluationDue', () => {
  it('checkpointEvery 2, steps 7: after steps 2, 4, 6 and the last (7); never at 0 is asked for by the loops', () => {
    const cfg = tinyConfig({ steps: 7, checkpointEvery: 2 });
    expect(due((s) => s > 0 && checkpointDue(cfg, s), 7)).toEqual([2, 4, 6, 7]);
  });

  it('evaluation.every 3, steps 7: at 0, 3, 6 and 7; never with every 0 or no dataset', () => {
    expect(due((s) => evaluationDue(tinyConfig({ steps: 7 }), s), 7)).toEqual([0, 3, 6, 7]);
    expect(due((s) => evaluationDue(tinyConfig({ steps: 7, evaluation: { every: 0 } }), s), 7)).toEqual([]);
    expect(due((s) => evaluationDue(tinyConfig({ steps: 7, evaluation: { every: 3, datasets: [] } }), s), 7)).toEqual(
      [],
    );
  });
});

describe('HeldOutResult.curve', () => {
  it('has T points, the mean over runs of the cumulative accuracy; its last point is atEnd.mean', async () => {
    const t = await tinyTrainer();
    const [r] = await t.evaluate();
    expect(r.curve).toHaveLength(10);
    expect(r.curve[9]).toBe(r.atEnd.mean);
    // After one example each run's cumulative accuracy is 0 or 1: the mean of 2 runs is 0, 0.5 or 1.
    expect([0, 0.5, 1]).toContain(r.curve[0]);
    t.dispose();
  });
});
