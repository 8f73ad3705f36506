// Trainer.engineSpecs: one spec per task shape at the largest run count a step or an evaluation
// asks for, so a device's limits can be checked before the first step.
import { describe, expect, it } from 'vitest';
import type { EngineFactory } from '../../src/meta/trainer';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { tinyConfig, tinyTrainer } from './trainerHelpers';

const shapes = (specs: { inputSize: number; numClasses: number; runs: number }[]) =>
  specs.map((s) => [s.inputSize, s.numClasses, s.runs]);

/** Two shapes (7x7 and 5x5, 3 classes) x +- projection: V = 4 variants; 3 pairs; a 14x14 evaluation of 2 runs. */
const twoShapes = (over: Record<string, unknown> = {}) =>
  tinyConfig({
    pairs: 3,
    tasks: { datasets: ['mnist'], project: [false, true], resize: [7, 5], classes: [[0, 1, 2]] },
    evaluation: { every: 2, steps: 10, runs: 2, datasets: [{ dataset: 'mnist', resize: 14, classes: [0, 1, 2] }] },
    ...over,
  });

describe('Trainer.engineSpecs', () => {
  it('cycle, P = 3 over V = 4: each shape at most 2 pairs (4 runs) in some step; the evaluation 196 x 3 at R = 2', async () => {
    const t = await tinyTrainer(twoShapes());
    expect(shapes(t.engineSpecs())).toEqual([
      [49, 3, 4],
      [25, 3, 4],
      [196, 3, 2],
    ]);
    expect(t.engineSpecs().every((s) => s.config === t.config.model)).toBe(true);
    t.dispose();
  });

  it('equals the largest run count per shape the factory is asked for over V steps and an evaluation', async () => {
    const asked = new Map<string, number>();
    const factory: EngineFactory = async (spec) => {
      const key = `${spec.inputSize}x${spec.numClasses}`;
      asked.set(key, Math.max(asked.get(key) ?? 0, spec.runs));
      return new ReferenceEngine(spec);
    };
    const t = await tinyTrainer(twoShapes(), factory);
    for (let s = 0; s < 4; s++) await t.step();
    await t.evaluate();
    expect(shapes(t.engineSpecs())).toEqual([...asked].map(([k, runs]) => [...k.split('x').map(Number), runs]));
    t.dispose();
  });

  it('random assignment: every pair may share one shape (2P runs); batches cut at maxRunsPerBatch', async () => {
    const cfg = twoShapes({
      tasks: { datasets: ['mnist'], project: [false, true], resize: [7, 5], classes: [[0, 1, 2]], assign: 'random' },
    });
    const t = await tinyTrainer(cfg);
    expect(shapes(t.engineSpecs())).toEqual([
      [49, 3, 6],
      [25, 3, 6],
      [196, 3, 2],
    ]);
    t.dispose();
    const cut = await tinyTrainer(cfg, undefined, { maxRunsPerBatch: 4 });
    expect(shapes(cut.engineSpecs())).toEqual([
      [49, 3, 4],
      [25, 3, 4],
      [196, 3, 2],
    ]);
    cut.dispose();
  });

  it('method gradient: the evaluations only (trajectories run on the CPU)', async () => {
    const t = await tinyTrainer(twoShapes({ method: 'gradient' }));
    expect(shapes(t.engineSpecs())).toEqual([[196, 3, 2]]);
    t.dispose();
  });
});
