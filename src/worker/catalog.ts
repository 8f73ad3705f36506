// What the UI may offer without loading the session code: the datasets a session opens by name, with
// the files each needs from the user's disk (none for one with a built-in subset, Fashion-MNIST, whose
// IDX pair then replaces the subset once both files are there), and the learners that ship with the app:
// VSML learners, and learned learners without variable sharing shown as extra lines beside VSML.
import { DATASET_NAMES, DATASETS } from '../data/registry';
import type { LearnedKind } from '../model/learners/learned';

/** The datasets a session can open by name (some need the user's files). */
export const SESSION_DATASETS: readonly string[] = DATASET_NAMES;

export type DatasetFileRole = 'images' | 'labels' | 'records' | 'mapping' | 'classes';

export interface DatasetEntry {
  readonly name: string;
  readonly title: string;
  /** Files the user must load before the dataset opens, and extras it accepts. */
  readonly required: readonly DatasetFileRole[];
  readonly optional: readonly DatasetFileRole[];
  /** Files that go together: once one is loaded the others are needed too (a built-in subset's IDX pair). */
  readonly together: readonly DatasetFileRole[];
  /** What runs with no files, e.g. "2,000 test images built in"; null when the files are needed. */
  readonly builtin: string | null;
  readonly numClasses: number | null;
  readonly note: string;
}

export const DATASET_CATALOG: readonly DatasetEntry[] = DATASET_NAMES.map((name) => {
  const d = DATASETS[name];
  const { required, optional } = d.files;
  const subset = d.builtinSubset;
  const common = { name, title: d.title, numClasses: d.numClasses, note: d.note };
  if (!subset) return { ...common, required, optional, together: [], builtin: null };
  const builtin = `${subset.count.toLocaleString('en')} ${subset.split} images built in`;
  return { ...common, required: [], optional: [...required, ...optional], together: required, builtin };
});

/** The files still to load before `entry` opens, given the roles loaded so far (in the entry's order). */
export function missingDataFiles(entry: DatasetEntry, have: { readonly [role: string]: unknown }): DatasetFileRole[] {
  const started = entry.together.some((r) => have[r] !== undefined);
  const needed = started
    ? [...entry.required, ...entry.together.filter((r) => !entry.required.includes(r))]
    : entry.required;
  return needed.filter((r) => have[r] === undefined);
}

/** The learner id the trainer page's "Open in studio" hands over (through IndexedDB, not a file). */
export const TRAINED_LEARNER = 'trained';

/** Learners shipped in public/learners/<id>.learner.json, each with a model card <id>.md. */
export const SHIPPED_LEARNERS: readonly { readonly id: string; readonly title: string }[] = [
  { id: 'vsml-mnist', title: 'VSML, meta-trained on MNIST (default)' },
  { id: 'vsml-clone-sgd', title: 'VSML, cloned from online SGD (stage 1)' },
];

/**
 * Learned learners without variable sharing (Meta RNN, Hebbian, FWMemory) shipped in
 * public/learners/<id>.learner.json, each with a model card <id>.md: any of them runs as an extra
 * line beside VSML and the baselines (URL key `learned`).
 */
export const SHIPPED_LEARNED: readonly { readonly id: string; readonly title: string; readonly kind: LearnedKind }[] = [
  { id: 'meta-rnn-mnist', title: 'Meta RNN, meta-trained on MNIST', kind: 'meta-rnn' },
  { id: 'hebbian-mnist', title: 'Hebbian fast weights, meta-trained on MNIST', kind: 'hebbian' },
  { id: 'fw-memory-mnist', title: 'FWMemory, meta-trained on MNIST', kind: 'fw-memory' },
];
