// One entry point from a registry name to a DataSource, in the browser and in Node alike:
// builtin (fetched asset, or what `builtin` supplies), synthetic (from the seed), or user files
// (a file dataset with a built-in subset, Fashion-MNIST, opens that subset when no file is given).
import type { Result } from '../model/result';
import { ok } from '../model/result';
import { fetchBuiltinMnist } from './builtinMnist';
import { fetchAsset, noFilesGiven, openBuiltinSubset, type AssetReader } from './builtinSubset';
import { loadCifarFiles, loadIdxFiles, type DatasetFiles, type LoadOptions } from './load';
import { getDataset, type DatasetInfo } from './registry';
import { randomSet } from './synthetic/random';
import { sumSignSource } from './synthetic/sumSign';
import type { DataSource, ImageSet, SplitName } from './types';

export interface OpenRequest extends LoadOptions {
  readonly split: SplitName;
  /** The user's files, for the idx and cifar presets. */
  readonly files?: DatasetFiles;
  /** Random: the task seed its 20 examples are drawn from (pass the TaskSpec's seed). Default 0. */
  readonly seed?: number;
  /** The built-in mnist set; default: fetched from `builtinBaseUrl` (Node: src/data/node/builtinMnist.ts). */
  readonly builtin?: (split: SplitName, opts: LoadOptions) => Promise<Result<ImageSet>>;
  /** Where public/data/ is served (default '/data/'). */
  readonly builtinBaseUrl?: string;
  /**
   * How a built-in subset's files are read; default: fetched from `builtinBaseUrl` (Node: read from disk,
   * node/open.ts).
   */
  readonly asset?: AssetReader;
}

export async function openDataset(dataset: string | DatasetInfo, req: OpenRequest): Promise<Result<DataSource>> {
  const found = typeof dataset === 'string' ? getDataset(dataset) : ({ ok: true, value: dataset } as const);
  if (!found.ok) return found;
  const info = found.value;
  switch (info.kind) {
    case 'builtin':
      return req.builtin ? req.builtin(req.split, req) : fetchBuiltinMnist(req.split, req.builtinBaseUrl, req);
    case 'synthetic':
      return ok(info.name === 'random' ? randomSet(req.seed ?? 0, req.split) : sumSignSource());
    case 'idx':
      if (info.builtinSubset && noFilesGiven(req.files))
        return openBuiltinSubset(info, req.split, req.asset ?? fetchAsset(req.builtinBaseUrl), req);
      return loadIdxFiles(info, req.files ?? {}, req);
    case 'cifar':
      return loadCifarFiles(info, req.files ?? {}, req);
  }
}
