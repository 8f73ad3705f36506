// Node only: openDataset with file paths instead of bytes, and the built-in sets (MNIST, the
// Fashion-MNIST subset) read from disk.
import type { Result } from '../../model/result';
import { openDataset, type OpenRequest } from '../open';
import type { DatasetInfo, FileRole } from '../registry';
import { MAX_DATA_BYTES } from '../../model/formats/fileLimits';
import type { DataSource, FileInput } from '../types';
import { readBuiltinAsset } from './builtinFashion';
import { loadBuiltinMnistNode } from './builtinMnist';
import { readFileInput } from './readFileInput';

export interface OpenNodeRequest extends Omit<OpenRequest, 'files' | 'builtin'> {
  /** Paths of the user's files by role (images, labels, records, mapping, classes). */
  readonly paths?: { readonly [R in FileRole]?: string };
}

export async function openDatasetNode(
  dataset: string | DatasetInfo,
  req: OpenNodeRequest,
): Promise<Result<DataSource>> {
  const files: { [R in FileRole]?: FileInput } = {};
  for (const [role, path] of Object.entries(req.paths ?? {}) as [FileRole, string | undefined][]) {
    if (path === undefined) continue;
    const f = await readFileInput(path, req.maxBytes ?? MAX_DATA_BYTES);
    if (!f.ok) return f;
    files[role] = f.value;
  }
  return openDataset(dataset, {
    asset: (name) => readBuiltinAsset(name),
    ...req,
    files,
    builtin: (split, opts) => loadBuiltinMnistNode(split, opts),
  });
}
