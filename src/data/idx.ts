// IDX files from disk or the network (the MNIST format: src/model/formats/idx.ts): decompressed if
// gzipped, within the data limit, then parsed.
import type { Result } from '../model/result';
import { parseIdxImages, parseIdxLabels, type IdxImages } from '../model/formats/idx';
import { MAX_DATA_BYTES } from '../model/formats/fileLimits';
import { fileContent } from './gunzip';
import type { FileInput } from './types';

/** Decompress (if gzipped) and parse an IDX image file. */
export async function readIdxImages(file: FileInput, maxBytes = MAX_DATA_BYTES): Promise<Result<IdxImages>> {
  const data = await fileContent(file, maxBytes);
  return data.ok ? parseIdxImages(data.value, file.name) : data;
}

/** Decompress (if gzipped) and parse an IDX label file. */
export async function readIdxLabels(file: FileInput, maxBytes = MAX_DATA_BYTES): Promise<Result<Uint8Array>> {
  const data = await fileContent(file, maxBytes);
  return data.ok ? parseIdxLabels(data.value, file.name) : data;
}
