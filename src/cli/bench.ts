// `npm run bench`: the engines on the MNIST grid, measured INTERLEAVED in one run (benchSchedule.ts:
// for each case every engine is prepared, then rounds go round-robin over the engines, one segment
// each), so ratios are taken within a round under the same load:
//   the TS reference ('reference'), the fast CPU engine ('cpu', src/cpu/node.ts) and WebGPU (Dawn) in
//   Node; the reference, (the fast CPU engine) and WebGPU in headless Chromium (bench.html?drive=1, a
//   Web Worker); and the numpy peer (scripts/numpy-peer.py) when python3 with numpy is present;
// at S = 1, 8, 64, 256 with one shared V_M and with one V_M per run (the ES-step shape). It prints
// cell-ticks/s, executed GFLOP/s and GB/s (src/model/costModel.ts) beside the machine's peaks, the
// reference-equation model's GFLOP/s, and ratios vs the reference and vs numpy; then meta-training
// steps/s (benchMeta.ts). Options: benchOptions.ts (BENCH_USAGE).
// With --meta --workers 1,2,4 (or --only meta --workers ...) the meta rows are the distributed ES
// benchmark instead (benchQueue.ts): a private Redis, W `vsml worker` processes and a `vsml meta-train
// --queue` coordinator per W, beside one single-process run; it fails unless every distributed
// checkpoint is the single-process one, byte for byte.
// With --memory it runs the long-run memory benchmark instead (benchMemory.ts, its own flags); with
// --latency the studio controls' click → effect latency (benchLatency.ts, its own flags).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { formatFieldError } from '../model/result';
import { mnistSpec, prepareMeasure, type BenchCase, type Measurer } from '../worker/tools/bench';
import { runCase, type BenchParticipant } from '../worker/tools/benchSchedule';
import { caseRows, formatBench, mnistCosts, type BenchRow } from '../worker/tools/benchTable';
import type { PageBackend } from '../worker/tools/benchParticipant';
import type { BackendName, VsmlEngine } from '../model/engine';
import type { MetaBenchRow } from './benchMeta';
import { createEngine } from './engineFactory';
import { BENCH_USAGE, benchCases, parseBenchOptions, type BenchOptions } from './benchOptions';
import { numpyParticipant } from './benchNumpy';
import type { ChromiumBench } from './benchChromium';
import { nodeCpuPeak } from './benchPeaks';

const log = (line: string) => console.error(line);

/** A Node engine (createEngine: reference, cpu, webgpu) as a participant. */
function nodeParticipant(backend: BackendName, blockSize: number): BenchParticipant {
  let live: { engine: VsmlEngine; measure: Measurer } | null = null;
  return {
    id: `node ${backend}`,
    environment: 'node',
    backend,
    async prepare(c: BenchCase) {
      const engine = await createEngine(backend, mnistSpec(c.runs));
      try {
        live = { engine, measure: await prepareMeasure(engine, c.vm, backend === 'reference' ? 1 : blockSize, 22) };
      } catch (e) {
        engine.dispose();
        throw e;
      }
      return engine.description;
    },
    async measure(s) {
      if (!live) throw new Error('not prepared');
      return live.measure(s);
    },
    async release() {
      live?.engine.dispose();
      live = null;
    },
  };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function speedBench(
  o: BenchOptions,
): Promise<{ rows: BenchRow[]; text: string; loadBefore: string; loadAfter: string }> {
  const participants: BenchParticipant[] = [];
  const where = o.only === 'node' ? ['node'] : o.only === 'chromium' ? ['chromium'] : o.where;
  const js = o.engines.filter((e): e is PageBackend => e !== 'numpy');
  if (where.includes('node')) participants.push(...js.map((e) => nodeParticipant(e, o.block)));
  let chromium: ChromiumBench | null = null;
  if (where.includes('chromium') && js.length) {
    // Loaded only when asked for: Playwright and Vite are not needed for a Node-only run (--where node).
    const { openChromiumBench } = await import('./benchChromium');
    chromium = await openChromiumBench(log);
    participants.push(...chromium.participants(js, o.block));
  }
  if (o.engines.includes('numpy') && o.only !== 'chromium') {
    const peer = numpyParticipant(log);
    if (peer) participants.push(peer);
  }
  const loadBefore = load();
  const rows: BenchRow[] = [];
  const cpu = nodeCpuPeak();
  try {
    for (const c of benchCases(o)) {
      log(
        `case S=${c.runs} ${c.vm}: ${participants.map((p) => p.id).join(', ')}; ${o.rounds} rounds of ${o.minSeconds} s (load ${load()})`,
      );
      rows.push(...caseRows(await runCase(c, participants, o.rounds, o.minSeconds, log), mnistCosts(), cpu));
    }
  } finally {
    await chromium?.close();
  }
  const loadAfter = load();
  const text = `${formatBench(rows, mnistCosts(), cpu)}\nload average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`;
  return { rows, text, loadBefore, loadAfter };
}

/**
 * ES steps at P pairs on both backends (T1 = 1, T2 = 3), then gradient steps of 8 trajectories on the worker threads
 * (T1 = 2, T2 = 4).
 */
async function metaBench(o: BenchOptions): Promise<MetaBenchRow[]> {
  const [{ benchMetaStep }, { createGradientPool }] = await Promise.all([
    import('./benchMeta'),
    import('./gradientPool'),
  ]);
  const rows: MetaBenchRow[] = [];
  for (const backend of ['cpu', 'webgpu'] as const) {
    for (const P of o.pairs) {
      rows.push(await benchMetaStep('es', backend, P, 1, 3, (spec) => createEngine(backend, spec)));
      log(`meta es ${backend} P=${P}: ${rows.at(-1)!.secondsPerStep.toFixed(1)} s per step at T=500`);
    }
  }
  const pool = createGradientPool();
  try {
    rows.push(await benchMetaStep('gradient', 'cpu', 8, 2, 4, (spec) => createEngine('cpu', spec), pool.run));
    log(`meta gradient cpu (${pool.size} threads) P=8: ${rows.at(-1)!.secondsPerStep.toFixed(1)} s per step at T=500`);
  } finally {
    pool.close();
  }
  return rows;
}

const argv = process.argv.slice(2);
// The other modes, the meta rows and Chromium are imported when asked for, so that a Node-only speed
// run (--only node, as on a lent GPU machine: scripts/bench-device.sh) needs neither Playwright nor Vite.
if (argv.includes('--memory'))
  process.exit(await (await import('./benchMemory')).runMemoryBench(argv.filter((a) => a !== '--memory')));
if (argv.includes('--latency'))
  process.exit(await (await import('./benchLatency')).runLatencyBench(argv.filter((a) => a !== '--latency')));
const parsed = parseBenchOptions(argv);
if (!parsed.ok) {
  console.error(`bench: ${formatFieldError(parsed.error)}\nusage: ${BENCH_USAGE}`);
  process.exit(2);
}
const o = parsed.value;
const speed = o.only === 'meta' ? null : await speedBench(o);
if (speed) console.log(speed.text);
const queue = o.workers ? await (await import('./benchQueue')).runQueueBench(o.workers, log) : null;
if (queue) {
  const { formatCoordinatorTiming, timeCoordinatorUpdate } = await import('./benchCoordinator');
  console.log(`${speed ? '\n' : ''}${queue.text}\n${formatCoordinatorTiming(timeCoordinatorUpdate())}`);
}
const meta = queue ? [] : o.only === null || o.only === 'meta' ? await metaBench(o) : [];
if (meta.length) console.log(`\n${(await import('./benchMeta')).formatMetaBench(meta)}`);
if (o.json) {
  writeFileSync(
    o.json,
    JSON.stringify(
      {
        format: 'vsml-bench',
        version: 2,
        cpuPeak: nodeCpuPeak(),
        load: speed && { before: speed.loadBefore, after: speed.loadAfter },
        rows: speed?.rows ?? [],
        meta,
        ...(queue ? { queue: { info: queue.info, rows: queue.rows } } : {}),
      },
      null,
      2,
    ),
  );
}
if (queue && !queue.identical) {
  console.error(
    'bench: a distributed checkpoint.json differs from the single-process one (rows marked DIFFERENT above)',
  );
  process.exit(1);
}
process.exit(0);
