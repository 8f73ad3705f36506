// A job of a distributed ES step (format "vsml-es-job", version 1): which run (the digest of its code,
// engine, config and tasks: src/cli/queue/runDigest.ts), which step, which theta (the SHA-256 of its
// float32 bytes, stored once per step in Redis) and which pairs. Plain data: a worker validates every
// field before it reads anything else, and nothing in it is run as code.
import { checkKeys, failAt, parseWith, readInt, readObject, show } from '../../model/formats/json';
import type { Result } from '../../model/result';
import { MAX_META_STEPS } from '../checkpoint';
import type { PairRange } from '../rollouts';

export const ES_JOB_FORMAT = 'vsml-es-job';
export const ES_JOB_VERSION = 1;
/** The most pairs a step may have (the config's limit is lower; this bounds what a worker allocates). */
export const MAX_JOB_PAIRS = 1 << 20;

export interface EsJob extends PairRange {
  /** The run's digest: 64 hex digits. */
  readonly run: string;
  /** 0-based step. */
  readonly step: number;
  /** SHA-256 of theta's float32 bytes: 64 hex digits. */
  readonly theta: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A 64-hex-digit digest at `path`, or a field error. */
export function readDigest(v: unknown, path: string): string {
  if (typeof v !== 'string' || !HEX64.test(v))
    failAt('type', path, `must be 64 lowercase hex digits (a SHA-256), got ${show(v)}`);
  return v;
}

/** The fields from and to of a job or a result (0 <= from < to <= MAX_JOB_PAIRS). */
export function readRange(o: Record<string, unknown>): PairRange {
  const from = readInt(o.from, 'from', 0, MAX_JOB_PAIRS - 1);
  const to = readInt(o.to, 'to', from + 1, MAX_JOB_PAIRS);
  return { from, to };
}

export function parseEsJob(raw: unknown): Result<EsJob> {
  return parseWith(() => {
    const o = readObject(raw, '');
    checkKeys(o, '', ['format', 'version', 'run', 'step', 'theta', 'from', 'to']);
    if (o.format !== ES_JOB_FORMAT) failAt('format', 'format', `expected "${ES_JOB_FORMAT}", got ${show(o.format)}`);
    if (o.version !== ES_JOB_VERSION)
      failAt('version', 'version', `expected ${ES_JOB_VERSION}, got ${show(o.version)}`);
    return {
      run: readDigest(o.run, 'run'),
      step: readInt(o.step, 'step', 0, MAX_META_STEPS),
      theta: readDigest(o.theta, 'theta'),
      ...readRange(o),
    };
  });
}

export const esJobToJson = (j: EsJob): Record<string, unknown> => ({
  format: ES_JOB_FORMAT,
  version: ES_JOB_VERSION,
  run: j.run,
  step: j.step,
  theta: j.theta,
  from: j.from,
  to: j.to,
});

/**
 * The queue's id of a job: the same pairs of the same step from the same theta are one job, however often they are
 * added.
 */
export const esJobId = (j: EsJob): string =>
  `${j.run.slice(0, 16)}-${j.step}-${j.theta.slice(0, 16)}-${j.from}-${j.to}`;

/** Pairs 0..P-1 cut into ranges of `size` (the last one shorter). */
export function pairRanges(P: number, size: number): PairRange[] {
  const k = Math.max(1, Math.floor(size));
  const out: PairRange[] = [];
  for (let from = 0; from < P; from += k) out.push({ from, to: Math.min(P, from + k) });
  return out;
}
