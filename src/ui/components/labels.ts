// Display names of the learners in charts, legends and controls.
import type { LearnedKind } from '../../model/learners/learned';
import { LEARNED_KIND_NAMES } from '../../model/learners/kinds';
import type { LearnedEntry } from '../../worker/session/contract';

export const LEARNER_LABELS: { readonly [name: string]: string } = {
  vsml: 'VSML',
  sgd: 'SGD',
  adam: 'Adam',
  'sgd-deep': 'SGD, deep',
  'adam-deep': 'Adam, deep',
};

/** The learned kinds' names (paper §4.4). */
export const LEARNED_KIND_LABELS: { readonly [kind in LearnedKind]: string } = LEARNED_KIND_NAMES;

/**
 * The display name of a session's learner `name`: VSML's and the baselines' from LEARNER_LABELS; a
 * learned learner's by its kind ("Meta RNN"), with its name after it when the session runs two of
 * that kind ("Meta RNN (mine.learner.json)").
 */
export function learnerLabel(name: string, learned: readonly LearnedEntry[] = []): string {
  const known = LEARNER_LABELS[name];
  if (known) return known;
  const entry = learned.find((l) => l.name === name);
  if (!entry) return name;
  const kind = LEARNED_KIND_LABELS[entry.kind];
  return learned.filter((l) => l.kind === entry.kind).length > 1 ? `${kind} (${name})` : kind;
}
