// Size limits on data files, checked before reading and while decompressing.

/** Largest file, and largest decompressed content, the loaders accept: 256 MiB. */
export const MAX_DATA_BYTES = 256 * 1024 * 1024;

/** "256 MiB", "1.5 MiB", "4096 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${n} bytes`;
  const mib = n / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
