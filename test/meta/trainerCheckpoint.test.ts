// The vsml-checkpoint format: exact round trips, and nothing non-finite in or out.
import { describe, expect, it } from 'vitest';
import { checkpointToJson, parseCheckpoint, serialiseCheckpoint, type Checkpoint } from '../../src/meta/checkpoint';
import { tinyTrainer } from './trainerHelpers';

async function checkpointAfterOneStep(): Promise<Checkpoint> {
  const t = await tinyTrainer();
  await t.step();
  const cp = t.checkpoint();
  t.dispose();
  return cp;
}

describe('vsml-checkpoint', () => {
  it('reads back exactly: theta (float32), m and v (float64), t, step, rejected and the config', async () => {
    const cp = await checkpointAfterOneStep();
    const text = serialiseCheckpoint(cp);
    const back = parseCheckpoint(JSON.parse(text));
    if (!back.ok) throw new Error(back.error.message);
    expect(Array.from(back.value.learner.params)).toEqual(Array.from(cp.learner.params));
    expect(Array.from(back.value.optimizer.m)).toEqual(Array.from(cp.optimizer.m));
    expect(Array.from(back.value.optimizer.v)).toEqual(Array.from(cp.optimizer.v));
    expect(back.value.optimizer.t).toBe(1);
    expect(back.value.config).toEqual(cp.config);
    expect([back.value.step, back.value.rejected]).toEqual([1, 0]);
    expect(serialiseCheckpoint(back.value)).toBe(text);
    expect(Object.keys(checkpointToJson(cp))).toEqual([
      'format',
      'version',
      'config',
      'step',
      'rejected',
      'learner',
      'optimizer',
      'rng',
    ]);
    expect(checkpointToJson(cp).rng).toEqual({ seed: 7, counter: 1 });
  });

  it('refuses to serialise a non-finite moment or parameter (so it is never written)', async () => {
    const cp = await checkpointAfterOneStep();
    cp.optimizer.v[4] = Number.NaN;
    expect(() => serialiseCheckpoint(cp)).toThrow('checkpoint: optimizer.v[4] is NaN; not written');
    cp.optimizer.v[4] = 0;
    cp.learner.params[2] = Number.POSITIVE_INFINITY;
    expect(() => serialiseCheckpoint(cp)).toThrow('checkpoint: learner.params[2] is Infinity; not written');
  });

  it("names the field of a learner whose config is not the config's model", async () => {
    const doc = JSON.parse(serialiseCheckpoint(await checkpointAfterOneStep()));
    doc.config.model.microTicks = 3;
    expect(parseCheckpoint(doc)).toEqual({
      ok: false,
      error: { code: 'mismatch', field: 'learner.config', message: 'differs from config.model' },
    });
  });
});
