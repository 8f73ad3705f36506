// The flags of `npm run bench -- --latency` (benchLatency.ts) as a table, parsed into its options; a bad
// flag is one line naming it.
import type { BackendName } from '../model/engine';
import type { Reply } from '../model/result';
import { backendsFlag, intFlag, parseFlags, type FlagSpec } from './args';

const FLAGS: readonly FlagSpec[] = [
  {
    name: 'dist',
    value: 'DIR',
    help: 'serve this production build (default: vite build into a temporary folder first)',
  },
  { name: 'label', value: 'TEXT', help: 'names the build in the output (default: the commit, or the --dist folder)' },
  { name: 'backends', value: 'webgpu,cpu', help: 'engines to measure, in order (default webgpu,cpu)' },
  { name: 'repeats', value: 'N', help: 'page loads per backend; each measures every control once (default 3)' },
  {
    name: 'timeout',
    value: 'S',
    help: 'seconds one measurement may take before it is reported as "> S s" (default 90)',
  },
  { name: 'json', value: 'FILE', help: 'write the raw samples here' },
];

export const LATENCY_USAGE =
  'npm run bench -- --latency [--dist DIR] [--label TEXT] [--backends webgpu,cpu] [--repeats 3] [--timeout 90] [--json FILE]';

export interface LatencyOptions {
  readonly dist: string | null;
  readonly label: string | null;
  readonly backends: readonly BackendName[];
  readonly repeats: number;
  /** Per measurement, in ms. */
  readonly timeoutMs: number;
  readonly json: string | null;
}

/** The options of `bench --latency` (argv without --latency), or the first bad flag in one line. */
export function parseLatencyOptions(argv: readonly string[]): Reply<{ value: LatencyOptions }> {
  const parsed = parseFlags(argv, FLAGS);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const v = parsed.value;
  const backends = backendsFlag(v, 'webgpu,cpu', true);
  if (!backends.ok) return { ok: false, message: backends.error.message };
  const repeats = intFlag(v, 'repeats', 3, 1, 100);
  if (!repeats.ok) return { ok: false, message: repeats.error.message };
  const timeout = intFlag(v, 'timeout', 90, 1, 3600);
  if (!timeout.ok) return { ok: false, message: timeout.error.message };
  return {
    ok: true,
    value: {
      dist: v.get('dist') ?? null,
      label: v.get('label') ?? null,
      backends: backends.value,
      repeats: repeats.value,
      timeoutMs: timeout.value * 1000,
      json: v.get('json') ?? null,
    },
  };
}
