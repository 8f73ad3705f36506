// The flags of `npm run bench -- --memory` (benchMemory.ts) as a table, parsed into its options; a bad
// flag is one line naming it.
import type { BackendName } from '../model/engine';
import type { Reply } from '../model/result';
import { backendsFlag, intFlag, parseFlags, type FlagSpec } from './args';

const FLAGS: readonly FlagSpec[] = [
  { name: 'only', value: 'session|trainer', choices: ['session', 'trainer'], help: 'run one half only' },
  { name: 'backends', value: 'cpu,webgpu', help: 'engines to run on, in order (default cpu,webgpu)' },
  { name: 'examples', value: 'N', help: 'examples the studio session plays (default 20000)' },
  { name: 'every', value: 'N', help: 'examples between samples (default 1000)' },
  { name: 'runs', value: 'S', help: 'runs of the session (default 2)' },
  { name: 'resize', value: 'SIDE', help: 'side the built-in MNIST is resized to (default 7)' },
  { name: 'steps', value: 'N', help: 'steps the trainer runs (default 200)' },
  { name: 'step-every', value: 'N', help: 'trainer steps between samples (default 10)' },
  { name: 'warmup', value: 'K', help: 'first samples left out of the slope (default 3)' },
  { name: 'json', value: 'FILE', help: 'write the samples and slopes here' },
  {
    name: 'report',
    value: 'FILE',
    help: 'run nothing: print the tables of a JSON written by --json, fitted after --warmup samples',
  },
];

export const MEMORY_USAGE = `npm run bench -- --memory [--only session|trainer] [--backends cpu,webgpu] [--examples 20000] [--every 1000] [--runs 2] [--resize 7] [--steps 200] [--step-every 10] [--warmup 3] [--json FILE] [--report FILE]`;

export interface MemoryOptions {
  readonly only: 'session' | 'trainer' | null;
  readonly backends: readonly BackendName[];
  readonly examples: number;
  readonly every: number;
  readonly runs: number;
  readonly resize: number;
  readonly steps: number;
  readonly stepEvery: number;
  readonly warmup: number;
  readonly json: string | null;
  readonly report: string | null;
}

/** The options of `bench --memory` (argv without --memory), or the first bad flag in one line. */
export function parseMemoryOptions(argv: readonly string[]): Reply<{ value: MemoryOptions }> {
  const parsed = parseFlags(argv, FLAGS);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const v = parsed.value;
  const backends = backendsFlag(v, 'cpu,webgpu');
  if (!backends.ok) return { ok: false, message: backends.error.message };
  const ints: [string, number, number, number][] = [
    ['examples', 20000, 1, 1e9],
    ['every', 1000, 1, 1e9],
    ['runs', 2, 1, 256],
    ['resize', 7, 1, 28],
    ['steps', 200, 1, 1e6],
    ['step-every', 10, 1, 1e6],
    ['warmup', 3, 0, 1e6],
  ];
  const n: Record<string, number> = {};
  for (const [name, fallback, min, max] of ints) {
    const r = intFlag(v, name, fallback, min, max);
    if (!r.ok) return { ok: false, message: r.error.message };
    n[name] = r.value;
  }
  const only = v.get('only');
  return {
    ok: true,
    value: {
      only: only === 'session' || only === 'trainer' ? only : null,
      backends: backends.value,
      examples: n.examples,
      every: n.every,
      runs: n.runs,
      resize: n.resize,
      steps: n.steps,
      stepEvery: n['step-every'],
      warmup: n.warmup,
      json: v.get('json') ?? null,
      report: v.get('report') ?? null,
    },
  };
}
