// A distributed run's identity: SHA-256 over the code version (codeDigest.ts), the rollout engine
// (engineIdentity), the config fields that shape theta's trajectory (all but steps, checkpointEvery
// and evaluation, which may change on --resume) and the fingerprint of the tasks' examples. The
// coordinator computes it for its run; a worker computes it for itself from what it loaded; a result
// is taken only when the two agree, so every accepted fitness is the one the coordinator would compute.
import { createHash } from 'node:crypto';
import type { MetaConfig } from '../../meta/metaConfig';
import { metaConfigToJson, RESUMABLE_FIELDS } from '../../meta/metaConfigParse';
import type { VariantTask } from '../../meta/taskSet';
import type { VsmlEngine } from '../../model/engine';

/** The engine as results depend on it: the backend and its description without the thread count. */
export const engineIdentity = (engine: Pick<VsmlEngine, 'backend' | 'description'>): string =>
  `${engine.backend}: ${engine.description.replace(/, \d+ threads?(: [^)]*)?\)$/, ')')}`;

/** The config as the digest reads it: its full JSON without the fields a resume may change. */
export function trajectoryJson(cfg: MetaConfig): string {
  const j = metaConfigToJson(cfg);
  for (const k of RESUMABLE_FIELDS) delete j[k];
  return JSON.stringify(j);
}

/** SHA-256 of every task's variant and examples, in variant order (generated tasks: the variant only). */
export function tasksFingerprint(tasks: readonly VariantTask[]): string {
  const h = createHash('sha256');
  for (const { variant, task, projectPerStep } of tasks) {
    h.update(
      JSON.stringify({
        variant,
        projectPerStep,
        kind: task.kind,
        inputSize: task.inputSize,
        numClasses: task.numClasses,
      }),
    );
    if (task.kind === 'examples') {
      h.update(new Uint8Array(task.inputs.buffer, task.inputs.byteOffset, task.inputs.byteLength));
      h.update(new Uint8Array(task.labels.buffer, task.labels.byteOffset, task.labels.byteLength));
    }
  }
  return h.digest('hex');
}

export interface RunIdentity {
  readonly code: string;
  readonly engine: string;
  readonly config: string;
  readonly tasks: string;
}

export const runDigest = (id: RunIdentity): string =>
  createHash('sha256')
    .update(JSON.stringify([id.code, id.engine, id.config, id.tasks]))
    .digest('hex');

/** SHA-256 of theta's float32 bytes: names the V_M a job reads. */
export const thetaDigest = (theta: Float32Array): string =>
  createHash('sha256')
    .update(new Uint8Array(theta.buffer, theta.byteOffset, theta.byteLength))
    .digest('hex');
