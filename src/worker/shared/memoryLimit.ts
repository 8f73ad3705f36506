// The memory limit of a request made in the browser (a studio session, a meta-training run): a
// quarter of navigator.deviceMemory (a rounded figure; 16 GiB in headless Chromium here) where the browser
// says it, else a fixed 2 GiB. No page setting raises it; the CLI's --max-memory does for its runs.
import { formatMemory, machineMemoryLimit, type MemoryLimit } from '../../model/resources';

/** Where navigator.deviceMemory is missing (Firefox, Safari, Node). */
export const FALLBACK_BROWSER_LIMIT = 2 * 1024 ** 3;

export function browserMemoryLimit(
  raise: string,
  nav: { readonly deviceMemory?: number } | undefined = globalThis.navigator as { deviceMemory?: number } | undefined,
): MemoryLimit {
  const gib = nav?.deviceMemory;
  if (typeof gib === 'number' && gib > 0 && Number.isFinite(gib))
    return machineMemoryLimit(gib * 1024 ** 3, raise, "this device's");
  return {
    bytes: FALLBACK_BROWSER_LIMIT,
    source: `${formatMemory(FALLBACK_BROWSER_LIMIT)}: the browser does not tell its memory`,
    raise,
  };
}
