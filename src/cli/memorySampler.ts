// Memory readings for the long-run benchmark: a full garbage collection (node --expose-gc, or, when
// the flag was not given, the same `gc` obtained through v8.setFlagsFromString), then
// process.memoryUsage(). Only live objects are counted, so a flat series means nothing accumulates.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { MemorySample } from './memoryTrend';

type Gc = () => void;

let cached: Gc | null = null;

/** The V8 `gc` function: globalThis.gc under --expose-gc, else exposed now (V8 allows it at run time). */
export function forcedGc(): Gc {
  if (cached) return cached;
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') cached = global as Gc;
  else {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc !== 'function') throw new Error('bench --memory: V8 did not expose gc; run node with --expose-gc');
    cached = gc as Gc;
  }
  return cached;
}

/** Let pending callbacks and messages run (a MessageChannel's last transfers), then collect twice and read. */
export async function sampleMemory(at: number): Promise<MemorySample> {
  const gc = forcedGc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  const m = process.memoryUsage();
  return { at, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss };
}
