// --max-memory: the limit a command's memory estimate (src/model/resources.ts) is checked against
// before any work. Default: a quarter of this machine's memory (os.totalmem()).
import { totalmem } from 'node:os';
import {
  formatMemory,
  formatRefusal,
  machineMemoryLimit,
  memoryRefusal,
  parseMemorySize,
  type MemoryEstimate,
  type MemoryLimit,
} from '../model/resources';
import { fail, ok, type Result } from '../model/result';
import type { FlagSpec, FlagValues } from './args';

export const RAISE_WITH_FLAG = 'raise it with --max-memory';

export const MAX_MEMORY_FLAG: FlagSpec = {
  name: 'max-memory',
  value: 'SIZE',
  help: `memory this run may take, e.g. 32GiB (default a quarter of this machine's ${formatMemory(totalmem())}); a request estimated larger is refused before any work`,
};

/** The limit from --max-memory, else a quarter of `total` (os.totalmem()). */
export function memoryLimitOf(flags: FlagValues, total = totalmem()): Result<MemoryLimit> {
  const text = flags.get('max-memory');
  if (text === undefined) return ok(machineMemoryLimit(total, RAISE_WITH_FLAG));
  const bytes = parseMemorySize(text);
  if (!bytes.ok) return fail('usage', '--max-memory', bytes.error.message);
  return ok({ bytes: bytes.value, source: '--max-memory', raise: RAISE_WITH_FLAG });
}

/** The one refusal line of an estimate over the limit, prefixed with the command's name, or null. */
export function refuseOverLimit(command: string, estimate: MemoryEstimate, limit: MemoryLimit): string | null {
  const why = memoryRefusal(estimate, limit);
  return why === null ? null : `${command}: ${formatRefusal(why)}`;
}
