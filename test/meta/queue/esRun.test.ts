// The run record a coordinator stores for its workers (src/meta/queue/esRun.ts): the config through
// the config parser, and only method es of a VSML learner.
import { describe, expect, it } from 'vitest';
import { metaConfigToJson } from '../../../src/meta/metaConfigParse';
import { esRunToJson, parseEsRun, type EsRun } from '../../../src/meta/queue/esRun';
import { tinyConfig, tinyConfigDoc } from '../trainerHelpers';

const record = (): EsRun => ({
  digest: '1a'.repeat(32),
  code: '2b'.repeat(32),
  engine: 'reference: CPU reference (TypeScript, single thread)',
  tasks: '3c'.repeat(32),
  config: tinyConfig(),
});

const refusal = (raw: unknown): string => {
  const r = parseEsRun(raw);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.field}: ${r.error.message}`;
};

describe('parseEsRun', () => {
  it('reads back what esRunToJson writes, through JSON text', () => {
    const r = record();
    const json = esRunToJson(r);
    expect(json).toMatchObject({
      format: 'vsml-es-run',
      version: 1,
      digest: r.digest,
      code: r.code,
      engine: r.engine,
      tasks: r.tasks,
    });
    expect(json.config).toEqual(metaConfigToJson(r.config));
    expect(parseEsRun(JSON.parse(JSON.stringify(json)))).toEqual({ ok: true, value: r });
  });

  it('refuses method gradient: field config.method', () => {
    const json = { ...esRunToJson(record()), config: tinyConfigDoc({ method: 'gradient' }) };
    expect(refusal(json)).toBe(
      'unsupported config.method: a job computes ES pairs; method gradient is not run on the queue',
    );
    const cma = { ...esRunToJson(record()), config: tinyConfigDoc({ method: 'cma-es' }) };
    expect(refusal(cma)).toBe(
      'unsupported config.method: a job computes ES pairs; method cma-es is not run on the queue',
    );
  });

  it('refuses a learned kind: field config.learner.kind', () => {
    const json = { ...esRunToJson(record()), config: tinyConfigDoc({ learner: { kind: 'hebbian' } }) };
    expect(refusal(json)).toBe("unsupported config.learner.kind: the queue runs VSML's ES; hebbian is not run on it");
  });

  it('a config error is prefixed config.', () => {
    const json = { ...esRunToJson(record()), config: tinyConfigDoc({ pairs: 0 }) };
    expect(refusal(json)).toBe('range config.pairs: must be an integer in [1, 65536], got 0');
    const learner = { ...esRunToJson(record()), config: tinyConfigDoc({ learner: { kind: 'lstm' } }) };
    expect(refusal(learner)).toMatch(/^\S+ config\.learner\.kind: must be one of vsml, /);
  });

  it('names the field: format, version, digests, engine, an extra key', () => {
    const json = esRunToJson(record());
    expect(refusal({ ...json, format: 'vsml-meta-config' })).toBe(
      'format format: expected "vsml-es-run", got "vsml-meta-config"',
    );
    expect(refusal({ ...json, version: 2 })).toBe('version version: expected 1, got 2');
    expect(refusal({ ...json, code: 'x' })).toBe('type code: must be 64 lowercase hex digits (a SHA-256), got "x"');
    expect(refusal({ ...json, tasks: null })).toBe('type tasks: must be 64 lowercase hex digits (a SHA-256), got null');
    expect(refusal({ ...json, engine: '' })).toBe('type engine: must be text of 1..200 characters, got ""');
    expect(refusal({ ...json, theta: 'x' })).toBe(
      'unknown theta: unknown field (known: format, version, digest, code, engine, tasks, config)',
    );
  });
});
