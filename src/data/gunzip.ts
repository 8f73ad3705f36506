// Gzip detection and decompression through the web-standard DecompressionStream, which browsers and
// Node 20 both have, so there is one code path and no node-only import. Corrupt or truncated data,
// and content over the size limit, come back as error values naming the file.
import { errorMessage, fail, ok, type Result } from '../model/result';
import { formatBytes, MAX_DATA_BYTES } from '../model/formats/fileLimits';
import type { FileInput } from './types';

/** Gzip data starts with 1f 8b. */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

export async function gunzip(bytes: Uint8Array, field: string, maxBytes = MAX_DATA_BYTES): Promise<Result<Uint8Array>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return fail('too-large', field, `decompresses to more than the ${formatBytes(maxBytes)} limit`);
      }
      chunks.push(value);
    }
  } catch (e) {
    const why = errorMessage(e);
    return fail('gzip', field, `gzip data is truncated or corrupt (${why})`);
  }
  if (chunks.length === 1) return ok(chunks[0]);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return ok(out);
}

/** The file's content: decompressed when it starts with the gzip magic, else as it is; both size-limited. */
export async function fileContent(file: FileInput, maxBytes = MAX_DATA_BYTES): Promise<Result<Uint8Array>> {
  if (file.bytes.length > maxBytes) {
    return fail(
      'too-large',
      file.name,
      `is ${formatBytes(file.bytes.length)}, over the ${formatBytes(maxBytes)} limit`,
    );
  }
  return isGzip(file.bytes) ? gunzip(file.bytes, file.name, maxBytes) : ok(file.bytes);
}
