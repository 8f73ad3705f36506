// Limits on the files the app reads, checked on the size before a byte is read: a data file (and its
// decompressed content) at most 256 MiB; a learner or checkpoint file is small (kilobytes; 64 MiB says
// "not a learner" long before memory runs short); JSON nested deeper than a learner ever is is refused
// before it is parsed. The messages name the file.
import { jsonNestsDeeperThan } from './jsonDepth';

/** Largest file, and largest decompressed content, the data loaders accept: 256 MiB. */
export const MAX_DATA_BYTES = 256 * 1024 * 1024;

/** "256 MiB", "1.5 MiB", "4096 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${n} bytes`;
  const mib = n / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/** Largest learner (or checkpoint) file a page reads: 64 MiB. */
export const MAX_LEARNER_BYTES = 64 * 1024 * 1024;

/** Deepest nesting a learner or checkpoint file may have (they have 5 or 6 levels). */
export const MAX_JSON_DEPTH = 64;

/** `name: file is 600 MiB, over the 64 MiB limit for a learner file`, or null when it fits. */
export function sizeRefusal(name: string, size: number, limit: number, what: string): string | null {
  return size > limit
    ? `${name}: file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for ${what}`
    : null;
}

/** `name: not a <what>: nested deeper than 64 levels`, or null. */
export function depthRefusal(name: string, text: string, what: string): string | null {
  return jsonNestsDeeperThan(text, MAX_JSON_DEPTH)
    ? `${name}: not a ${what}: nested deeper than ${MAX_JSON_DEPTH} levels`
    : null;
}
