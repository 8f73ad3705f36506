// The job of a distributed ES step (src/meta/queue/esJob.ts): plain data validated field by field,
// its queue id, and the cut of a step's pairs into ranges.
import { describe, expect, it } from 'vitest';
import { esJobId, esJobToJson, MAX_JOB_PAIRS, pairRanges, parseEsJob, type EsJob } from '../../../src/meta/queue/esJob';
import { MAX_META_STEPS } from '../../../src/meta/checkpoint';

const RUN = '0123456789abcdef'.repeat(4);
const THETA = 'fedcba9876543210'.repeat(4);
const job: EsJob = { run: RUN, step: 3, theta: THETA, from: 16, to: 24 };

/** "field: message" of a refused job, or 'ok'. */
const refusal = (changes: Record<string, unknown>): string => {
  const r = parseEsJob({ ...esJobToJson(job), ...changes });
  return r.ok ? 'ok' : `${r.error.field}: ${r.error.message}`;
};

describe('parseEsJob', () => {
  it('reads back what esJobToJson writes, through JSON text', () => {
    const json = esJobToJson(job);
    expect(json).toEqual({ format: 'vsml-es-job', version: 1, run: RUN, step: 3, theta: THETA, from: 16, to: 24 });
    expect(parseEsJob(JSON.parse(JSON.stringify(json)))).toEqual({ ok: true, value: job });
    const edge: EsJob = { run: RUN, step: MAX_META_STEPS, theta: THETA, from: MAX_JOB_PAIRS - 1, to: MAX_JOB_PAIRS };
    expect(parseEsJob(esJobToJson(edge))).toEqual({ ok: true, value: edge });
  });

  it('names the field: format and version', () => {
    expect(refusal({ format: 'vsml-es-result' })).toBe('format: expected "vsml-es-job", got "vsml-es-result"');
    expect(refusal({ version: 2 })).toBe('version: expected 1, got 2');
  });

  it('names the field: run and theta must be 64 lowercase hex digits', () => {
    expect(refusal({ run: RUN.slice(1) })).toBe(
      `run: must be 64 lowercase hex digits (a SHA-256), got "${RUN.slice(1, 37)}...`,
    );
    expect(refusal({ run: RUN.toUpperCase() })).toMatch(/^run: must be 64 lowercase hex digits/);
    expect(refusal({ run: 7 })).toBe('run: must be 64 lowercase hex digits (a SHA-256), got 7');
    expect(refusal({ theta: `${THETA}0` })).toMatch(/^theta: must be 64 lowercase hex digits \(a SHA-256\)/);
    expect(refusal({ theta: 'g'.repeat(64) })).toMatch(/^theta: must be 64 lowercase hex digits/);
  });

  it('names the field: step negative, fractional or past the last step', () => {
    expect(refusal({ step: -1 })).toBe(`step: must be an integer in [0, ${MAX_META_STEPS}], got -1`);
    expect(refusal({ step: 1.5 })).toBe(`step: must be an integer in [0, ${MAX_META_STEPS}], got 1.5`);
    expect(refusal({ step: MAX_META_STEPS + 1 })).toMatch(/^step: must be an integer/);
  });

  it('names the field: from and to in order (to > from), within MAX_JOB_PAIRS', () => {
    expect(refusal({ from: 5, to: 5 })).toBe(`to: must be an integer in [6, ${MAX_JOB_PAIRS}], got 5`);
    expect(refusal({ from: 5, to: 4 })).toBe(`to: must be an integer in [6, ${MAX_JOB_PAIRS}], got 4`);
    expect(refusal({ from: -1 })).toBe(`from: must be an integer in [0, ${MAX_JOB_PAIRS - 1}], got -1`);
    expect(refusal({ to: MAX_JOB_PAIRS + 1 })).toBe(
      `to: must be an integer in [17, ${MAX_JOB_PAIRS}], got ${MAX_JOB_PAIRS + 1}`,
    );
  });

  it('names the field: an extra key, a missing one, a non-object', () => {
    expect(refusal({ code: 'process.exit()' })).toBe(
      'code: unknown field (known: format, version, run, step, theta, from, to)',
    );
    const { to: _to, ...missing } = esJobToJson(job);
    const r = parseEsJob(missing);
    expect(r.ok ? 'ok' : `${r.error.field}: ${r.error.message}`).toBe('to: missing');
    const arr = parseEsJob([1]);
    expect(arr.ok ? 'ok' : arr.error.message).toBe('must be an object, got an array of 1');
  });
});

describe('esJobId', () => {
  it('the first 16 hex digits of run and theta, the step and the range', () => {
    expect(esJobId(job)).toBe('0123456789abcdef-3-fedcba9876543210-16-24');
    expect(esJobId({ ...job, to: 25 })).not.toBe(esJobId(job));
  });
});

describe('pairRanges', () => {
  it('cuts P pairs into ranges of size, the last shorter', () => {
    expect(pairRanges(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 9 },
      { from: 9, to: 10 },
    ]);
    expect(pairRanges(8, 4)).toEqual([
      { from: 0, to: 4 },
      { from: 4, to: 8 },
    ]);
    expect(pairRanges(3, 100)).toEqual([{ from: 0, to: 3 }]);
  });

  it('size 0 (or below 1) reads as 1; a fraction is floored', () => {
    expect(pairRanges(3, 0)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ]);
    expect(pairRanges(2, -5)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
    expect(pairRanges(5, 2.9)).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 4 },
      { from: 4, to: 5 },
    ]);
  });

  it('P 0: no ranges', () => {
    expect(pairRanges(0, 4)).toEqual([]);
  });
});
