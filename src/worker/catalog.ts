// What the UI may offer without loading the session code: the datasets a session opens by name, with
// the files each needs from the user's disk, and the learners that ship with the app.
import { DATASET_NAMES, DATASETS } from '../data/registry';

/** The datasets a session can open by name (some need the user's files). */
export const SESSION_DATASETS: readonly string[] = DATASET_NAMES;

export type DatasetFileRole = 'images' | 'labels' | 'records' | 'mapping' | 'classes';

export interface DatasetEntry {
  readonly name: string;
  readonly title: string;
  /** Files the user must load before the dataset opens, and extras it accepts. */
  readonly required: readonly DatasetFileRole[];
  readonly optional: readonly DatasetFileRole[];
  readonly numClasses: number | null;
  readonly note: string;
}

export const DATASET_CATALOG: readonly DatasetEntry[] = DATASET_NAMES.map((name) => {
  const d = DATASETS[name];
  return { name, title: d.title, required: d.files.required, optional: d.files.optional, numClasses: d.numClasses, note: d.note };
});

/** The learner id the trainer page's "Open in studio" hands over (through IndexedDB, not a file). */
export const TRAINED_LEARNER = 'trained';

/** Learners shipped in public/learners/<id>.learner.json, each with a model card <id>.md. */
export const SHIPPED_LEARNERS: readonly { readonly id: string; readonly title: string }[] = [
  { id: 'vsml-mnist', title: 'VSML, meta-trained on MNIST (default)' },
  { id: 'vsml-clone-sgd', title: 'VSML, cloned from online SGD (stage 1)' },
];
