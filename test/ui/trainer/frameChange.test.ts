import { describe, expect, it } from 'vitest';
import { frameChanged, isActive, isRunning } from '../../../src/ui/trainer/frameChange';
import { frameOf } from './fakeTrainer';

describe('frameChanged', () => {
  it('is true for the first frame and for any field the screen shows', () => {
    const a = frameOf({ step: 3 });
    expect(frameChanged(null, a)).toBe(true);
    expect(frameChanged(a, frameOf({ step: 3 }))).toBe(false);
    for (const patch of [
      { step: 4 },
      { state: 'paused' as const },
      { totalSteps: 600 },
      { lastSavedStep: 3 },
      { lastRejection: 'step 3 rejected: pair 0: L+ is NaN' },
      { notice: 'x' },
      { stepsPerSecond: 2 },
      { etaSeconds: 100 },
      { evaluations: [{ step: 0, results: {} }] },
    ]) {
      expect(frameChanged(a, frameOf({ step: 3, ...patch }))).toBe(true);
    }
  });
});

describe('run states', () => {
  it('only running trains; running and paused have a run to act on', () => {
    expect(['idle', 'running', 'paused', 'stopped', 'done', 'failed'].map((s) => isRunning(s as never))).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(['idle', 'running', 'paused', 'stopped', 'done', 'failed'].map((s) => isActive(s as never))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(isRunning(undefined)).toBe(false);
  });
});
