// How the studio's session opens its data: openDataset by name with the user's files, Fashion-MNIST
// normalised with MNIST's statistics as the official code does for the paper's Fig. 6 (the learner was
// meta-trained on MNIST), whether it comes from the built-in subset or from the user's IDX files.
// The CLI and meta-training keep the registry's default (its true statistics) unless told otherwise.
import type { DatasetFiles } from '../../data/load';
import { openDataset, type OpenRequest } from '../../data/open';
import type { DataSource, SplitName } from '../../data/types';
import type { Result } from '../../model/result';

/** Where the built-in sets come from: fetched from public/data/ by default; Node tests read them from disk. */
export type SessionDataEnv = Pick<OpenRequest, 'builtin' | 'builtinBaseUrl' | 'asset'>;

export const openSessionData = (
  dataset: string,
  split: SplitName,
  seed: number,
  files: DatasetFiles | undefined,
  env: SessionDataEnv = {},
): Promise<Result<DataSource>> => openDataset(dataset, { ...env, split, seed, files, fashionMnistStats: 'mnist' });
