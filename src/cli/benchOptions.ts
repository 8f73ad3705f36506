// Options of `npm run bench` (the interleaved engine benchmark and the meta-training rows):
//   --runs 1,8,64,256  --vm shared,per-run  --engines reference,cpu,webgpu,numpy  --where node,chromium
//   --rounds 3  --min-seconds 2  --block 8  --pairs 8,32,128  --only node|chromium|meta  --json FILE
//   --meta (the same as --only meta: the meta-training rows only)
//   --workers 1,2,4 (with --meta / --only meta): the meta rows are the distributed ES benchmark instead
//     (benchQueue.ts): a private redis-server, W `vsml worker` processes and a `vsml meta-train --queue`
//     coordinator on one machine for each W, beside one single-process run of the same config.
// Parsed into a value or a message naming the option (no process.exit here, so it is testable).
import { fail, ok, type Result } from '../model/result';
import type { VmSharing } from '../worker/tools/bench';

export const BENCH_ENGINES = ['reference', 'cpu', 'webgpu', 'numpy'] as const;
export type BenchEngine = (typeof BENCH_ENGINES)[number];

export interface BenchOptions {
  readonly runs: readonly number[];
  readonly vm: readonly VmSharing[];
  readonly engines: readonly BenchEngine[];
  /** Where the JS engines run: Node, headless Chromium, or both. */
  readonly where: readonly ('node' | 'chromium')[];
  readonly rounds: number;
  /** Seconds of each segment (one engine, one round); at least one block is always run. */
  readonly minSeconds: number;
  /** Examples per run call of the fast CPU and WebGPU engines (the reference always takes 1). */
  readonly block: number;
  readonly pairs: readonly number[];
  /** node: the speed table in Node (and numpy); chromium: in Chromium; meta: the meta-training rows only. */
  readonly only: 'node' | 'chromium' | 'meta' | null;
  readonly json: string | null;
  /** Worker counts of the distributed meta-training benchmark (needs only = 'meta'); null: the in-process meta rows. */
  readonly workers: readonly number[] | null;
}

export const BENCH_USAGE =
  'npm run bench -- [--runs 1,8,64,256] [--vm shared,per-run] [--engines reference,cpu,webgpu,numpy] [--where node,chromium] ' +
  '[--rounds 3] [--min-seconds 2] [--block 8] [--pairs 8,32,128] [--only node|chromium|meta] [--json FILE] ' +
  '[--meta (= --only meta)] [--workers 1,2,4 (with --meta: distributed ES on W worker processes)]';

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  runs: [1, 8, 64, 256],
  vm: ['shared', 'per-run'],
  engines: [...BENCH_ENGINES],
  where: ['node', 'chromium'],
  rounds: 3,
  minSeconds: 2,
  block: 8,
  pairs: [8, 32, 128],
  only: null,
  json: null,
  workers: null,
};

function positiveInts(field: string, v: string): Result<number[]> {
  const xs = v.split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const x of xs) {
    const n = Number(x);
    if (x === '' || !Number.isInteger(n) || n < 1)
      return fail('range', field, `must be a comma-separated list of positive integers, got "${v}"`);
    out.push(n);
  }
  return ok(out);
}

function listOf<T extends string>(field: string, v: string, allowed: readonly T[]): Result<T[]> {
  const xs = v.split(',').map((s) => s.trim());
  for (const x of xs) {
    if (!(allowed as readonly string[]).includes(x))
      return fail('range', field, `unknown value "${x}" (use ${allowed.join(', ')})`);
  }
  return ok([...new Set(xs)] as T[]);
}

export function parseBenchOptions(argv: readonly string[]): Result<BenchOptions> {
  const o = { ...DEFAULT_BENCH_OPTIONS };
  let meta = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const v = argv[i + 1];
    if (flag === '--meta') {
      meta = true;
      continue;
    }
    const known = [
      '--runs',
      '--vm',
      '--engines',
      '--where',
      '--rounds',
      '--min-seconds',
      '--block',
      '--pairs',
      '--only',
      '--json',
      '--workers',
    ];
    if (!known.includes(flag)) return fail('unknown', flag, `unknown option (usage: ${BENCH_USAGE})`);
    if (v === undefined || v.startsWith('--')) return fail('missing', flag, 'needs a value');
    i++;
    switch (flag) {
      case '--runs':
      case '--pairs':
      case '--workers': {
        const r = positiveInts(flag, v);
        if (!r.ok) return r;
        if (flag === '--runs') o.runs = r.value;
        else if (flag === '--pairs') o.pairs = r.value;
        else o.workers = [...new Set(r.value)];
        break;
      }
      case '--vm': {
        const r = listOf(flag, v, ['shared', 'per-run'] as const);
        if (!r.ok) return r;
        o.vm = r.value;
        break;
      }
      case '--engines': {
        const r = listOf(flag, v, BENCH_ENGINES);
        if (!r.ok) return r;
        o.engines = r.value;
        break;
      }
      case '--where': {
        const r = listOf(flag, v, ['node', 'chromium'] as const);
        if (!r.ok) return r;
        o.where = r.value;
        break;
      }
      case '--rounds':
      case '--block': {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) return fail('range', flag, `must be a positive integer, got "${v}"`);
        if (flag === '--rounds') o.rounds = n;
        else o.block = n;
        break;
      }
      case '--min-seconds': {
        const n = Number(v);
        if (!(n >= 0) || !Number.isFinite(n)) return fail('range', flag, `must be a number >= 0, got "${v}"`);
        o.minSeconds = n;
        break;
      }
      case '--only':
        if (v !== 'node' && v !== 'chromium' && v !== 'meta')
          return fail('range', flag, `must be node, chromium or meta, got "${v}"`);
        o.only = v;
        break;
      case '--json':
        o.json = v;
        break;
    }
  }
  if (meta) {
    if (o.only !== null && o.only !== 'meta')
      return fail('range', '--meta', `selects the meta rows only; it contradicts --only ${o.only}`);
    o.only = 'meta';
  }
  if (o.workers && o.only !== 'meta')
    return fail(
      'range',
      '--workers',
      'runs the distributed meta-training benchmark only: give --meta (or --only meta) too',
    );
  return ok(o);
}

/** The cases of the speed table: every S with a shared V_M, and every S > 1 with one V_M per run. */
export function benchCases(o: Pick<BenchOptions, 'runs' | 'vm'>): { runs: number; vm: VmSharing }[] {
  const out: { runs: number; vm: VmSharing }[] = [];
  for (const runs of o.runs) {
    for (const vm of o.vm) if (vm === 'shared' || runs > 1) out.push({ runs, vm });
  }
  return out;
}
