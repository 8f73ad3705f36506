// `npm run bench`: the CPU reference and the WebGPU engine on the MNIST grid, side by side, in Node
// (Dawn, the `webgpu` package) and in headless Chromium (the page path: bench.html, in a Web Worker);
// then meta-training steps/s at the official shape (benchMeta.ts) for ES at P = 8, 32, 128 on both
// backends and for gradients through the unroll on the CPU worker threads.
//   --runs 1,8,64  --min-seconds 2  --block 8  --pairs 8,32,128  --only node|chromium|meta  --json FILE
// With --memory it runs the long-run memory benchmark instead (benchMemory.ts, its own flags); with
// --latency the studio controls' click → effect latency (benchLatency.ts, its own flags).
import { writeFileSync } from 'node:fs';
import { ReferenceEngine } from '../model/referenceEngine';
import { benchEngine, formatBench, mnistSpec, type BenchRow } from '../worker/bench';
import { createGpuEngine } from '../gpu/gpuEngine';
import { loadShadersNode } from '../gpu/shadersNode';
import { nodeGpu } from './nodeGpu';
import { chromiumBench } from './benchChromium';
import { benchMetaStep, formatMetaBench, type MetaBenchRow } from './benchMeta';
import { createEngine } from './engineFactory';
import { createGradientPool } from './gradientPool';
import { runMemoryBench } from './benchMemory';
import { runLatencyBench } from './benchLatency';

interface Options {
  runs: number[];
  minSeconds: number;
  block: number;
  pairs: number[];
  only: 'node' | 'chromium' | 'meta' | null;
  json: string | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { runs: [1, 8, 64], minSeconds: 2, block: 8, pairs: [8, 32, 128], only: null, json: null };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--runs': o.runs = v.split(',').map(Number); i++; break;
      case '--min-seconds': o.minSeconds = Number(v); i++; break;
      case '--block': o.block = Number(v); i++; break;
      case '--pairs': o.pairs = v.split(',').map(Number); i++; break;
      case '--only': o.only = v === 'chromium' || v === 'meta' ? v : 'node'; i++; break;
      case '--json': o.json = v; i++; break;
      default:
        console.error(`bench: unknown option ${argv[i]} (use --runs 1,8,64 --min-seconds 2 --block 8 --pairs 8,32,128 --only node|chromium|meta --json FILE)`);
        process.exit(2);
    }
  }
  if (o.runs.some((s) => !Number.isInteger(s) || s < 1) || o.pairs.some((p) => !Number.isInteger(p) || p < 1) || !(o.minSeconds >= 0) || !(o.block >= 1)) {
    console.error('bench: --runs and --pairs must be positive integers, --min-seconds >= 0, --block >= 1');
    process.exit(2);
  }
  return o;
}

async function nodeBench(o: Options): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const S of o.runs) {
    const cpu = new ReferenceEngine(mnistSpec(S));
    rows.push(await benchEngine(cpu, 'node', { minSeconds: o.minSeconds, blockSize: 1, seed: 22 }));
    console.error(`node cpu S=${S}: ${rows.at(-1)!.cellTicksPerSecond.toExponential(3)} cell-ticks/s`);
  }
  const gpu = nodeGpu();
  const shaders = loadShadersNode();
  for (const S of o.runs) {
    const engine = await createGpuEngine(mnistSpec(S), { gpu, shaders });
    try {
      rows.push(await benchEngine(engine, 'node', { minSeconds: o.minSeconds, blockSize: o.block, seed: 22 }));
      console.error(`node webgpu S=${S}: ${rows.at(-1)!.cellTicksPerSecond.toExponential(3)} cell-ticks/s`);
    } finally {
      engine.dispose();
    }
  }
  return rows;
}

/** ES steps at P pairs on both backends (T1 = 1, T2 = 3), then gradient steps of 8 trajectories on the worker threads (T1 = 2, T2 = 4). */
async function metaBench(o: Options): Promise<MetaBenchRow[]> {
  const rows: MetaBenchRow[] = [];
  for (const backend of ['cpu', 'webgpu'] as const) {
    for (const P of o.pairs) {
      rows.push(await benchMetaStep('es', backend, P, 1, 3, (spec) => createEngine(backend, spec)));
      console.error(`meta es ${backend} P=${P}: ${rows.at(-1)!.secondsPerStep.toFixed(1)} s per step at T=500`);
    }
  }
  const pool = createGradientPool();
  try {
    rows.push(await benchMetaStep('gradient', 'cpu', 8, 2, 4, (spec) => createEngine('cpu', spec), pool.run));
    console.error(`meta gradient cpu (${pool.size} threads) P=8: ${rows.at(-1)!.secondsPerStep.toFixed(1)} s per step at T=500`);
  } finally {
    pool.close();
  }
  return rows;
}

const argv = process.argv.slice(2);
if (argv.includes('--memory')) process.exit(await runMemoryBench(argv.filter((a) => a !== '--memory')));
if (argv.includes('--latency')) process.exit(await runLatencyBench(argv.filter((a) => a !== '--latency')));
const o = parseOptions(argv);
const rows: BenchRow[] = [];
if (o.only === null || o.only === 'node') rows.push(...(await nodeBench(o)));
if (o.only === null || o.only === 'chromium') rows.push(...(await chromiumBench(o)));
if (rows.length) console.log(formatBench(rows));
const meta = o.only === null || o.only === 'meta' ? await metaBench(o) : [];
if (meta.length) console.log(`\n${formatMetaBench(meta)}`);
if (o.json) writeFileSync(o.json, JSON.stringify({ format: 'vsml-bench', version: 1, rows, meta }, null, 2));
process.exit(0);
