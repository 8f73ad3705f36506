// Files for the CLI: JSON inputs read with a size limit, outputs written atomically.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseJsonText } from '../model/formats/json';
import { errorMessage, fail, type Result } from '../model/result';

/**
 * Inputs larger than this are refused before reading. JSON this large already takes a few GB of
 * memory once parsed, and V8 cannot hold a string much longer (about 2^29 characters).
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

const reason = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (err?.code === 'EACCES') return 'permission denied';
  return errorMessage(e);
};

/** The text of a file, or a one-line reason (field path empty) when it cannot be read or is too big. */
export async function readTextFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Result<string>> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (!isFile) return fail('io', '', 'cannot read: not a regular file');
    if (size > maxBytes) return fail('size', '', `file is ${mib(size)}, over the ${mib(maxBytes)} limit`);
    const buf = await handle.readFile();
    if (buf.length > maxBytes) return fail('size', '', `file is over the ${mib(maxBytes)} limit`);
    return { ok: true, value: buf.toString('utf8') };
  } catch (e) {
    return fail('io', '', `cannot read: ${reason(e)}`);
  } finally {
    await handle?.close();
  }
}

/** A file's JSON value, with read and syntax errors as values. */
export async function readJsonFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Result<unknown>> {
  const text = await readTextFile(path, maxBytes);
  return text.ok ? parseJsonText(text.value) : text;
}

/**
 * Write `text` to `path` atomically: into a temporary file in the same directory, flushed, then
 * renamed over the target, so readers see the old file or the whole new one, never a part.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flush: true });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
