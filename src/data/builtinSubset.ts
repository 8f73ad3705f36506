// A built-in subset of a file dataset: a gzipped IDX pair committed in public/data/ that the dataset
// opens when the user gives no files (registry.ts names it in `builtinSubset`; open.ts decides). Today
// only Fashion-MNIST has one: the first 2,000 images of its official test split, written by
// scripts/build-fashion-asset.ts. The user's own IDX files take its place whenever they are given.
import { fail, ok, type Result } from '../model/result';
import { fetchFileInput } from './builtinMnist';
import { loadIdxFiles, type DatasetFiles, type LoadOptions } from './load';
import type { BuiltinSubset, DatasetInfo } from './registry';
import type { FileInput, ImageSet, SplitName } from './types';

/** How a file of public/data/ is read: fetched in the browser, read from disk in Node. */
export type AssetReader = (name: string) => Promise<Result<FileInput>>;

/** The browser's reader: `fetch(baseUrl + name)`; `baseUrl` is where public/data/ is served. */
export const fetchAsset =
  (baseUrl = '/data/'): AssetReader =>
  (name) =>
    fetchFileInput(baseUrl + name);

/** No file given at all (a single file of a pair is not "none": it is refused for its missing partner). */
export const noFilesGiven = (files: DatasetFiles | undefined): boolean =>
  !files || Object.values(files).every((f) => f === undefined);

/** The dataset's subset, if it has one and holds `split`; else why not (the split named). */
function subsetFor(info: DatasetInfo, split: SplitName): Result<BuiltinSubset> {
  const subset = info.builtinSubset;
  if (!subset) return fail('missing', info.name, `${info.name} has no built-in subset; load its files`);
  if (split !== subset.split) {
    const count = subset.count.toLocaleString('en');
    return fail(
      'range',
      'split',
      `the built-in ${info.name} holds ${count} ${subset.split} images only; load the ${split} IDX files from your disk for ${split}`,
    );
  }
  return ok(subset);
}

/** The subset from its two files: the dataset's own loader, then its count checked. */
export async function builtinSubsetFromFiles(
  info: DatasetInfo,
  images: FileInput,
  labels: FileInput,
  split: SplitName,
  opts: LoadOptions = {},
): Promise<Result<ImageSet>> {
  const subset = subsetFor(info, split);
  if (!subset.ok) return subset;
  const set = await loadIdxFiles(info, { images, labels }, { ...opts, split });
  if (!set.ok) return set;
  if (set.value.count !== subset.value.count) {
    return fail(
      'shape',
      images.name,
      `expected ${subset.value.count} images in the built-in ${info.name}, got ${set.value.count} (the committed asset is damaged: check it out again)`,
    );
  }
  return set;
}

/** Open the dataset's built-in subset with `read` (a split it lacks is refused before anything is read). */
export async function openBuiltinSubset(
  info: DatasetInfo,
  split: SplitName,
  read: AssetReader,
  opts: LoadOptions = {},
): Promise<Result<ImageSet>> {
  const subset = subsetFor(info, split);
  if (!subset.ok) return subset;
  const [images, labels] = await Promise.all([read(subset.value.images), read(subset.value.labels)]);
  if (!images.ok) return images;
  if (!labels.ok) return labels;
  return builtinSubsetFromFiles(info, images.value, labels.value, split, opts);
}
