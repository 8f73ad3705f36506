// Shared fixtures for the format tests: a small learner/stream/state as plain JSON documents.
import { expect } from 'vitest';
import { parseConfig, type VsmlConfig } from '../../src/model/config';
import { specShapes } from '../../src/model/engine';
import { learnerToJson } from '../../src/model/formats/learner';
import { stateToJson } from '../../src/model/formats/state';
import { initParams, initRunState } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { formatFieldError, type Result } from '../../src/model/result';
import type { RunState } from '../../src/model/state';

export type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function smallConfig(overrides: Record<string, unknown> = {}): VsmlConfig {
  const r = parseConfig({ stateSize: 4, messageSize: 2, ...overrides });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A deep copy of a document as it would come out of JSON.parse. */
export const clone = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

export const learnerDoc = (cfg = smallConfig(), seed = 1): Doc =>
  clone(learnerToJson({ config: cfg, params: initParams(cfg, new Rng(seed)) }));

export const spec = (cfg: VsmlConfig, A = 3, K = 2) => ({ config: cfg, inputSize: A, numClasses: K, runs: 1 });

export const seededState = (cfg: VsmlConfig, A = 3, K = 2, seed = 2): RunState =>
  initRunState(cfg, specShapes(spec(cfg, A, K)), new Rng(seed));

export const stateDoc = (cfg = smallConfig(), A = 3, K = 2): Doc => clone(stateToJson(seededState(cfg, A, K)));

export const streamDoc = (): Doc => ({
  format: 'vsml-stream',
  version: 1,
  numClasses: 2,
  inputs: [
    [0.5, -1, 2],
    [0, 0.25, 1],
    [3, 1, -2],
  ],
  labels: [0, 1, 1],
});

/** The one line an error would print as, or "ok". */
export const line = <T>(r: Result<T>): string => (r.ok ? 'ok' : formatFieldError(r.error));

export function expectOk<T>(r: Result<T>): T {
  expect(line(r)).toBe('ok');
  if (!r.ok) throw new Error('unreachable');
  return r.value;
}
