// The `learner` field of a vsml-meta-config: what is meta-trained.
//   {"kind": "vsml"}                                         VSML's V_M (the default; `model` configures it)
//   {"kind": "meta-rnn" | "hebbian" | "fw-memory",
//    "shape"?: {"inputSize": 784, "numClasses": 62},         the official pad.yaml unless given
//    "spec"?: {...}}                                         the kind's table fills absent fields
// A learned kind is meta-trained on the CPU reference (learnedTrainer.ts) by ES or by exact gradients
// through the unroll (learnedGradients.ts); the rules below refuse what it cannot do, naming the field.
import { checkKeys, failAt, fieldPath, readObject, show, unwrap } from '../model/formats/json';
import { readLearnedShape, readLearnedSpec } from '../model/formats/learnedLearner';
import { LEARNED_KINDS, PADDED_SHAPE } from '../model/learners/learned';
import { learnedKindDef } from '../model/learners/kinds';
import { specDefaults } from '../model/learners/learnedSpec';
import type { LearnerChoice, MetaConfig } from './metaConfig';

export const LEARNER_CHOICE_KINDS = ['vsml', ...LEARNED_KINDS] as const;

/** The `learner` field at `path` (inside parseWith). */
export function readLearnerChoice(v: unknown, path = 'learner'): LearnerChoice {
  const raw = readObject(v, path);
  const kind = raw.kind;
  if (kind === undefined)
    failAt('missing', fieldPath(path, 'kind'), `missing (one of ${LEARNER_CHOICE_KINDS.join(', ')})`);
  if (kind === 'vsml') {
    checkKeys(raw, path, ['kind']);
    return { kind: 'vsml' };
  }
  if (typeof kind !== 'string' || !(LEARNED_KINDS as readonly string[]).includes(kind)) {
    failAt('range', fieldPath(path, 'kind'), `must be one of ${LEARNER_CHOICE_KINDS.join(', ')}, got ${show(kind)}`);
  }
  checkKeys(raw, path, ['kind'], ['shape', 'spec']);
  const def = unwrap(learnedKindDef(kind, fieldPath(path, 'kind')));
  const shape = raw.shape === undefined ? PADDED_SHAPE : readLearnedShape(raw.shape, fieldPath(path, 'shape'));
  const spec =
    raw.spec === undefined
      ? specDefaults(def.specProps)
      : readLearnedSpec(raw.spec, def.specProps, fieldPath(path, 'spec'));
  return { kind: def.kind, shape: { inputSize: shape.inputSize, numClasses: shape.numClasses }, spec };
}

/** The full form: every field written out (the spec in its table's order). */
export function learnerChoiceToJson(c: LearnerChoice): Record<string, unknown> {
  if (c.kind === 'vsml') return { kind: 'vsml' };
  const def = unwrap(learnedKindDef(c.kind));
  return {
    kind: c.kind,
    shape: { inputSize: c.shape.inputSize, numClasses: c.shape.numClasses },
    spec: Object.fromEntries(def.specProps.map((p) => [p.name, c.spec[p.name]])),
  };
}

/**
 * What a learned kind cannot be combined with (inside parseWith): only methods es and gradient
 * meta-train it (cma-es and clone-backprop are VSML's), and only on the meta-loss or final-loss
 * (objective clone-sgd clones SGD into VSML's cells); `model` configures VSML only. `hasModel`: the
 * document (or its preset) sets `model`.
 */
export function checkLearnedConfig(c: Pick<MetaConfig, 'learner' | 'method' | 'objective'>, hasModel: boolean): void {
  const kind = c.learner.kind;
  if (kind === 'vsml') return;
  if (c.method !== 'es' && c.method !== 'gradient') {
    failAt(
      'range',
      'method',
      `${c.method} does not support the ${kind} learner (learner.kind): a learner without variable sharing is meta-trained with "method": "es" or "gradient"`,
    );
  }
  if (c.objective === 'clone-sgd') {
    failAt(
      'range',
      'objective',
      `clone-sgd clones SGD into VSML's cells; the ${kind} learner (learner.kind) is meta-trained on "meta-loss" (or "final-loss" with method es)`,
    );
  }
  if (hasModel)
    failAt(
      'range',
      'model',
      `model configures VSML's V_M; the ${kind} learner (learner.kind) is set by learner.shape and learner.spec: leave model out`,
    );
}
