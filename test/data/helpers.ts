// Shared helpers of the data tests: the real files in ../shared/data (never copied into the project),
// checksums, and unwrapping results.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatFieldError, type Result } from '../../src/model/result';
import type { FileInput } from '../../src/data/types';

/** /work/shared/data beside the repository. */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export const sharedFile = (rel: string): FileInput => ({
  name: rel,
  bytes: new Uint8Array(readFileSync(SHARED_DATA + rel)),
});

/** FNV-1a, 32 bits, over bytes. */
export function fnv1a(bytes: ArrayLike<number>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

export function byteSum(bytes: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i++) s += bytes[i];
  return s;
}

export function classCounts(labels: ArrayLike<number>, K: number): number[] {
  const c = new Array<number>(K).fill(0);
  for (let i = 0; i < labels.length; i++) c[labels[i]]++;
  return c;
}

/** Element-wise equality of two long arrays (faster than toEqual on typed arrays). */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(formatFieldError(r.error));
  return r.value;
}

/** The error message of a failed result ("field: message"); fails the test if it succeeded. */
export function errorOf<T>(r: Result<T>): string {
  if (r.ok) throw new Error('expected an error, got a value');
  return formatFieldError(r.error);
}
