// Node's DataProvider for the meta-trainer: registry names and file paths through openDatasetNode.
// Normalisation overrides are applied by the trainer when it builds the task.
import { openDatasetNode } from '../data/node/open';
import type { DataProvider } from '../meta/trainer';

export const nodeDataProvider: DataProvider = (ref, split, seed) =>
  openDatasetNode(ref.name, { split, seed, upright: ref.upright ?? false, ...(ref.files ? { paths: ref.files } : {}) });
