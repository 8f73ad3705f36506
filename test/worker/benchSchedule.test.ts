// Tests of the interleaved schedule (src/worker/tools/benchSchedule.ts): the exact order of segments over
// rounds, preparation before and release after every round, and a failing engine skipped, not fatal.
import { describe, expect, it } from 'vitest';
import { interleaveOrder, runCase, type BenchParticipant } from '../../src/worker/tools/benchSchedule';

function fake(id: string, calls: string[], failPrepare = false): BenchParticipant {
  let n = 0;
  return {
    id,
    environment: 'test',
    backend: id,
    prepare: async (c) => {
      calls.push(`prepare ${id} ${c.runs}`);
      if (failPrepare) throw new Error('no adapter');
      return `${id} engine`;
    },
    measure: async (s) => {
      calls.push(`measure ${id}`);
      n++;
      return { examples: n, seconds: s };
    },
    release: async () => {
      calls.push(`release ${id}`);
    },
  };
}

describe('interleaveOrder', () => {
  it('rotates the first participant by one each round', () => {
    expect(interleaveOrder(3, 4)).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 1, 2],
    ]);
    expect(interleaveOrder(1, 2)).toEqual([[0], [0]]);
  });
});

describe('runCase', () => {
  it('prepares all, measures round-robin by rounds, then releases all', async () => {
    const calls: string[] = [];
    const r = await runCase({ runs: 8, vm: 'shared' }, [fake('a', calls), fake('b', calls)], 2, 0.5);
    expect(calls).toEqual([
      'prepare a 8',
      'prepare b 8',
      'measure a',
      'measure b',
      'measure b',
      'measure a',
      'release a',
      'release b',
    ]);
    expect(r.participants.map((p) => p.segments)).toEqual([
      [
        { examples: 1, seconds: 0.5 },
        { examples: 2, seconds: 0.5 },
      ],
      [
        { examples: 1, seconds: 0.5 },
        { examples: 2, seconds: 0.5 },
      ],
    ]);
    expect(r.participants[0].description).toBe('a engine');
  });

  it('skips an engine that cannot be prepared and says why', async () => {
    const calls: string[] = [];
    const r = await runCase({ runs: 1, vm: 'shared' }, [fake('a', calls, true), fake('b', calls)], 2, 0);
    expect(calls.filter((c) => c.startsWith('measure'))).toEqual(['measure b', 'measure b']);
    expect(r.participants[0]).toMatchObject({ error: 'prepare: no adapter', segments: [null, null] });
  });
});
