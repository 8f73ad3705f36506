// The code version a worker and a coordinator compare: the SHA-256 of the files the engines, the data
// pipeline and the ES step run from (src/, shaders/, wasm/, package-lock.json), path by path in sorted
// order. Two checkouts with any difference there never mix their results in one run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PARTS = ['src', 'shaders', 'wasm', 'package-lock.json'];

function filesUnder(path: string): string[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return [path];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(join(path, e.name)) : e.isFile() ? [join(path, e.name)] : [],
  );
}

let cached: string | null = null;

/** 64 hex digits; computed once per process. */
export function codeDigest(root = ROOT): string {
  if (cached !== null && root === ROOT) return cached;
  const h = createHash('sha256');
  const files = PARTS.flatMap((p) => filesUnder(join(root, p)))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
  for (const f of files) {
    const bytes = readFileSync(join(root, f));
    h.update(`${f}\0${bytes.length}\0`);
    h.update(bytes);
  }
  const digest = h.digest('hex');
  if (root === ROOT) cached = digest;
  return digest;
}
