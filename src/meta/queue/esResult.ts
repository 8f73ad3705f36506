// What a worker answers for one job (format "vsml-es-result", version 1): the job's run, step, theta
// and pairs, the fitness of each pair's two halves as float64 bytes in base64 (exact, NaN kept: a
// non-finite fitness must reach the coordinator to reject the step), the digest the worker computed
// for itself (refused unless it is the run's) and who computed it, on which engine, in how long.
import { decodeBase64, encodeBase64 } from '../../model/formats/base64';
import { checkKeys, failAt, fieldPath, parseWith, readInt, readObject, show } from '../../model/formats/json';
import type { Result } from '../../model/result';
import { MAX_META_STEPS } from '../checkpoint';
import type { Fitness } from '../rollouts';
import { readDigest, readRange, type EsJob } from './esJob';

export const ES_RESULT_FORMAT = 'vsml-es-result';
export const ES_RESULT_VERSION = 1;

export interface WorkerInfo {
  /** "host:pid" unless --name says otherwise. */
  readonly id: string;
  /** The engine's description without its thread count, e.g. "fast CPU engine (WebAssembly SIMD)". */
  readonly engine: string;
}

export interface EsResult extends EsJob, Fitness {
  /** The run digest the worker computed from its own code, engine, config and tasks. */
  readonly digest: string;
  readonly worker: WorkerInfo;
  /** Wall time of the job on the worker. */
  readonly seconds: number;
}

function f64ToBase64(a: Float64Array): string {
  return encodeBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

function readF64s(v: unknown, path: string, n: number): Float64Array {
  if (typeof v !== 'string') failAt('type', path, `must be base64 text of ${n} float64 values, got ${show(v)}`);
  const bytes = decodeBase64(v);
  if (!bytes.ok) failAt('type', path, bytes.error.message);
  if (bytes.value.length !== 8 * n)
    failAt('shape', path, `expected ${n} float64 values (${8 * n} bytes), got ${bytes.value.length} bytes`);
  return new Float64Array(bytes.value.slice().buffer);
}

function readText(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 200)
    failAt('type', path, `must be text of 1..200 characters, got ${show(v)}`);
  return v;
}

export function parseEsResult(raw: unknown): Result<EsResult> {
  return parseWith(() => {
    const o = readObject(raw, '');
    checkKeys(o, '', [
      'format',
      'version',
      'run',
      'step',
      'theta',
      'from',
      'to',
      'plus',
      'minus',
      'digest',
      'worker',
      'seconds',
    ]);
    if (o.format !== ES_RESULT_FORMAT)
      failAt('format', 'format', `expected "${ES_RESULT_FORMAT}", got ${show(o.format)}`);
    if (o.version !== ES_RESULT_VERSION)
      failAt('version', 'version', `expected ${ES_RESULT_VERSION}, got ${show(o.version)}`);
    const range = readRange(o);
    const n = range.to - range.from;
    const w = readObject(o.worker, 'worker');
    checkKeys(w, 'worker', ['id', 'engine']);
    if (typeof o.seconds !== 'number' || !Number.isFinite(o.seconds) || o.seconds < 0)
      failAt('type', 'seconds', `must be a number >= 0, got ${show(o.seconds)}`);
    return {
      run: readDigest(o.run, 'run'),
      step: readInt(o.step, 'step', 0, MAX_META_STEPS),
      theta: readDigest(o.theta, 'theta'),
      ...range,
      plus: readF64s(o.plus, 'plus', n),
      minus: readF64s(o.minus, 'minus', n),
      digest: readDigest(o.digest, 'digest'),
      worker: {
        id: readText(w.id, fieldPath('worker', 'id')),
        engine: readText(w.engine, fieldPath('worker', 'engine')),
      },
      seconds: o.seconds,
    };
  });
}

export const esResultToJson = (r: EsResult): Record<string, unknown> => ({
  format: ES_RESULT_FORMAT,
  version: ES_RESULT_VERSION,
  run: r.run,
  step: r.step,
  theta: r.theta,
  from: r.from,
  to: r.to,
  plus: f64ToBase64(r.plus),
  minus: f64ToBase64(r.minus),
  digest: r.digest,
  worker: { id: r.worker.id, engine: r.worker.engine },
  seconds: r.seconds,
});
