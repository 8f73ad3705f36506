import { describe, expect, it } from 'vitest';
import { extrapolateStep, formatMetaBench } from '../../src/cli/benchMeta';

describe('extrapolateStep', () => {
  it('splits two measured steps into per-example and fixed cost: 1.5 s at T=1, 3.5 s at T=3 -> 1 s/example, 0.5 s fixed, 500.5 s at T=500', () => {
    expect(extrapolateStep(1, 1.5, 3, 3.5)).toEqual({
      secondsPerExample: 1,
      fixedSeconds: 0.5,
      secondsPerStep: 500.5,
      stepsPerSecond: 1 / 500.5,
    });
  });

  it('reads a noisy negative part as 0: 2 s at T=1, 1.9 s at T=3 -> 0 s/example, 2 s fixed', () => {
    expect(extrapolateStep(1, 2, 3, 1.9)).toMatchObject({ secondsPerExample: 0, fixedSeconds: 2, secondsPerStep: 2 });
  });

  it('prints the measured steps beside the extrapolation', () => {
    const row = {
      method: 'es' as const,
      backend: 'cpu' as const,
      pairs: 8,
      t1: { steps: 1, seconds: 1.5 },
      t2: { steps: 3, seconds: 3.5 },
      ...extrapolateStep(1, 1.5, 3, 3.5),
    };
    const text = formatMetaBench([row]);
    expect(text).toContain('1.50 s (T=1) / 3.50 s (T=3)');
    expect(text).toContain('500.5'.slice(0, 3));
    expect(text).toContain('2.00e-3');
  });
});
