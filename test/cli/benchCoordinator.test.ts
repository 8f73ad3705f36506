import { describe, expect, it } from 'vitest';
import { formatCoordinatorTiming, timeCoordinatorUpdate } from '../../src/cli/benchCoordinator';

describe('timeCoordinatorUpdate', () => {
  it('times the ES estimate and Adam at the paper shape, once per round', () => {
    const t = timeCoordinatorUpdate(2);
    expect([t.pairs, t.params, t.milliseconds.length]).toEqual([1024, 2384, 2]);
    for (const ms of t.milliseconds) expect(ms).toBeGreaterThan(0);
  });

  it('prints every round', () => {
    expect(formatCoordinatorTiming({ pairs: 1024, params: 2384, milliseconds: [97.54, 94.1, 93.06] })).toBe(
      'coordinator update per step (ES estimate + Adam, preset paper-fig6: P = 1024, D = 2384): 97.5 / 94.1 / 93.1 ms',
    );
  });
});
