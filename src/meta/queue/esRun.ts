// A distributed run as the coordinator stores it in Redis for its workers (format "vsml-es-run",
// version 1): the digest, what went into it (code version, engine, tasks fingerprint) and the whole
// meta-config. A worker reads nothing else about the run; the config goes through the same parser
// as a config file, and the run must be method es of a VSML learner (what a job computes).
import { checkKeys, failAt, parseWith, readObject, show } from '../../model/formats/json';
import { fail, type Result } from '../../model/result';
import type { MetaConfig } from '../metaConfig';
import { metaConfigToJson, parseMetaConfig } from '../metaConfigParse';
import { readDigest } from './esJob';

export const ES_RUN_FORMAT = 'vsml-es-run';
export const ES_RUN_VERSION = 1;

export interface EsRun {
  readonly digest: string;
  readonly code: string;
  readonly engine: string;
  readonly tasks: string;
  readonly config: MetaConfig;
}

export function parseEsRun(raw: unknown): Result<EsRun> {
  const head = parseWith(() => {
    const o = readObject(raw, '');
    checkKeys(o, '', ['format', 'version', 'digest', 'code', 'engine', 'tasks', 'config']);
    if (o.format !== ES_RUN_FORMAT) failAt('format', 'format', `expected "${ES_RUN_FORMAT}", got ${show(o.format)}`);
    if (o.version !== ES_RUN_VERSION)
      failAt('version', 'version', `expected ${ES_RUN_VERSION}, got ${show(o.version)}`);
    if (typeof o.engine !== 'string' || o.engine.length === 0 || o.engine.length > 200)
      failAt('type', 'engine', `must be text of 1..200 characters, got ${show(o.engine)}`);
    return {
      digest: readDigest(o.digest, 'digest'),
      code: readDigest(o.code, 'code'),
      engine: o.engine,
      tasks: readDigest(o.tasks, 'tasks'),
      config: o.config,
    };
  });
  if (!head.ok) return head;
  const config = parseMetaConfig(head.value.config);
  if (!config.ok)
    return fail(
      config.error.code,
      config.error.field ? `config.${config.error.field}` : 'config',
      config.error.message,
    );
  if (config.value.method !== 'es')
    return fail(
      'unsupported',
      'config.method',
      `a job computes ES pairs; method ${config.value.method} is not run on the queue`,
    );
  if (config.value.learner.kind !== 'vsml')
    return fail(
      'unsupported',
      'config.learner.kind',
      `the queue runs VSML's ES; ${config.value.learner.kind} is not run on it`,
    );
  return { ok: true, value: { ...head.value, config: config.value } };
}

export const esRunToJson = (r: EsRun): Record<string, unknown> => ({
  format: ES_RUN_FORMAT,
  version: ES_RUN_VERSION,
  digest: r.digest,
  code: r.code,
  engine: r.engine,
  tasks: r.tasks,
  config: metaConfigToJson(r.config),
});
