// The registry of learned kinds: one LearnedKindDef (with its spec table, learnedSpec.ts) per kind
// of learned.ts that has an implementation. Callers look a kind up by name with learnedKindDef.
import { fail, ok, type Result } from '../result';
import { LEARNED_KINDS, type LearnedKind, type LearnedKindDef } from './learned';
import type { LearnedKindSpec } from './learnedSpec';
import { FW_MEMORY_DEF } from './fwMemory';
import { HEBBIAN_DEF } from './hebbian';
import { META_RNN_DEF } from './metaRnn';

export type LearnedKindEntry = LearnedKindDef & LearnedKindSpec;

export const LEARNED_KIND_DEFS: Readonly<Partial<Record<LearnedKind, LearnedKindEntry>>> = {
  'meta-rnn': META_RNN_DEF,
  hebbian: HEBBIAN_DEF,
  'fw-memory': FW_MEMORY_DEF,
};

/** The file format that names each kind (every learned learner file: src/model/formats/learnedLearner.ts). */
export const LEARNED_FORMATS: Readonly<Record<LearnedKind, string>> = {
  'meta-rnn': 'vsml-meta-rnn',
  hebbian: 'vsml-hebbian',
  'fw-memory': 'vsml-fw-memory',
};

/** The kinds' names in prose (paper §4.4): the studio's labels and the CLI's lines. */
export const LEARNED_KIND_NAMES: Readonly<Record<LearnedKind, string>> = {
  'meta-rnn': 'Meta RNN',
  hebbian: 'Hebbian',
  'fw-memory': 'FWMemory',
};

export const isLearnedKind = (s: string): s is LearnedKind => (LEARNED_KINDS as readonly string[]).includes(s);

/** The kinds with an implementation, in LEARNED_KINDS order. */
export const implementedLearnedKinds = (): LearnedKind[] =>
  LEARNED_KINDS.filter((k) => LEARNED_KIND_DEFS[k] !== undefined);

/** The definition of `kind`, or an error naming an unknown kind or one not implemented yet. */
export function learnedKindDef(kind: string, field = 'kind'): Result<LearnedKindEntry> {
  if (!isLearnedKind(kind))
    return fail('unknown', field, `unknown learned kind "${kind}" (known: ${LEARNED_KINDS.join(', ')})`);
  const def = LEARNED_KIND_DEFS[kind];
  if (!def)
    return fail(
      'unsupported',
      field,
      `the learned kind "${kind}" has no implementation yet (implemented: ${implementedLearnedKinds().join(', ')})`,
    );
  return ok(def);
}

/** The kind whose file format is `format` (e.g. 'vsml-meta-rnn'), implemented or not. */
export const learnedKindOfFormat = (format: unknown): LearnedKind | undefined =>
  LEARNED_KINDS.find((k) => LEARNED_FORMATS[k] === format);
