// The checkpoint of a learned learner's meta-training run (config.learner.kind meta-rnn, hebbian or
// fw-memory): the same vsml-checkpoint envelope and fields as VSML's (checkpoint.ts), with the
// learner as its kind's file (src/model/formats/learnedLearner.ts: the kind by its format, shape,
// spec, theta as named float32 blocks) and Adam's m and v over the learner's P parameters as flat
// lists:
//   {"format":"vsml-checkpoint","version":1,"config":{..., "learner":{"kind":"meta-rnn",...}},
//    "step":n,"rejected":r,"learner":{"format":"vsml-meta-rnn",...},"optimizer":{"m":[P],"v":[P],"t":n-r},
//    "rng":{"seed":s,"counter":n}}
// The learner file must be the config's kind, shape and spec (each refusal names its field).
import { checkKeys, failAt, parseWith, readInt, stringifyDoc } from '../model/formats/json';
import { learnedLearnerToJson, parseLearnedLearner, type LearnedLearner } from '../model/formats/learnedLearner';
import { envelope, restore } from '../model/formats/restore';
import type { AdamState } from '../model/es/adam';
import type { Result } from '../model/result';
import { CHECKPOINT_FORMAT, checkRng, MAX_META_STEPS, nested, readAdam } from './checkpoint';
import type { MetaConfig } from './metaConfig';
import { learnerChoiceToJson } from './learnerChoice';
import { metaConfigToJson, parseMetaConfig } from './metaConfigParse';

export interface LearnedCheckpoint {
  /** config.learner is a learned kind. */
  readonly config: MetaConfig;
  readonly step: number;
  readonly rejected: number;
  /** theta as the kind's file (the config's kind, shape and spec). */
  readonly learner: LearnedLearner;
  readonly optimizer: AdamState;
}

export function parseLearnedCheckpoint(raw: unknown): Result<LearnedCheckpoint> {
  return parseWith(() => {
    const doc = restore(raw, CHECKPOINT_FORMAT);
    checkKeys(doc, '', ['format', 'version', 'config', 'step', 'rejected', 'learner', 'optimizer', 'rng']);
    const config = nested(parseMetaConfig(doc.config), 'config');
    const choice = config.learner;
    if (choice.kind === 'vsml')
      failAt(
        'unsupported',
        'config.learner.kind',
        "a VSML run's checkpoint, not a learned learner's (read it with parseCheckpoint)",
      );
    const step = readInt(doc.step, 'step', 0, MAX_META_STEPS);
    const rejected = readInt(doc.rejected, 'rejected', 0, step);
    const learner = nested(parseLearnedLearner(doc.learner, choice.kind), 'learner');
    const ofChoice = learnerChoiceToJson(choice);
    const ofFile = learnerChoiceToJson({ kind: learner.kind, shape: learner.shape, spec: learner.spec });
    for (const key of ['shape', 'spec'] as const) {
      if (JSON.stringify(ofChoice[key]) !== JSON.stringify(ofFile[key]))
        failAt('mismatch', `learner.${key}`, `differs from config.learner.${key}`);
    }
    const optimizer = readAdam(doc.optimizer, learner.params.length, step - rejected);
    checkRng(doc.rng, config.seed, step);
    return { config, step, rejected, learner, optimizer };
  });
}

export function learnedCheckpointToJson(c: LearnedCheckpoint): Record<string, unknown> {
  return {
    ...envelope(CHECKPOINT_FORMAT),
    config: metaConfigToJson(c.config),
    step: c.step,
    rejected: c.rejected,
    learner: learnedLearnerToJson(c.learner),
    optimizer: { m: Array.from(c.optimizer.m), v: Array.from(c.optimizer.v), t: c.optimizer.t },
    rng: { seed: c.config.seed, counter: c.step },
  };
}

/** The checkpoint as text; throws (writing nothing) when a number is not finite. */
export function serialiseLearnedCheckpoint(c: LearnedCheckpoint): string {
  const check = (a: ArrayLike<number>, what: string) => {
    for (let i = 0; i < a.length; i++)
      if (!Number.isFinite(a[i])) throw new Error(`checkpoint: ${what}[${i}] is ${a[i]}; not written`);
  };
  check(c.learner.params, 'learner.params');
  check(c.optimizer.m, 'optimizer.m');
  check(c.optimizer.v, 'optimizer.v');
  return `${stringifyDoc(learnedCheckpointToJson(c))}\n`;
}
