// Node only (never imported by browser code): a file on disk as a FileInput, size-limited before reading.
import { readFile, stat } from 'node:fs/promises';
import { errorMessage, fail, ok, type Result } from '../../model/result';
import { formatBytes, MAX_DATA_BYTES } from '../../model/formats/fileLimits';
import type { FileInput } from '../types';

/** `path` as given is the name used in messages. */
export async function readFileInput(path: string, maxBytes = MAX_DATA_BYTES): Promise<Result<FileInput>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('missing', path, 'is not a file');
    if (info.size > maxBytes)
      return fail('too-large', path, `is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
    return ok({ name: path, bytes: new Uint8Array(await readFile(path)) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', path, 'no such file');
    return fail('unreadable', path, `cannot be read (${code ?? errorMessage(e)})`);
  }
}
