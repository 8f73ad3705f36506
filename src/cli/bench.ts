// `npm run bench`: the CPU reference and the WebGPU engine on the MNIST grid, side by side, in Node
// (Dawn, the `webgpu` package) and in headless Chromium (the page path: bench.html, in a Web Worker).
//   --runs 1,8,64  --min-seconds 2  --block 8  --only node|chromium  --json FILE
import { writeFileSync } from 'node:fs';
import { CpuEngine } from '../model/cpuEngine';
import { benchEngine, formatBench, mnistSpec, type BenchRow } from '../worker/bench';
import { createGpuEngine } from '../gpu/gpuEngine';
import { loadShadersNode } from '../gpu/shadersNode';
import { nodeGpu } from './nodeGpu';
import { chromiumBench } from './benchChromium';

interface Options {
  runs: number[];
  minSeconds: number;
  block: number;
  only: 'node' | 'chromium' | null;
  json: string | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { runs: [1, 8, 64], minSeconds: 2, block: 8, only: null, json: null };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--runs': o.runs = v.split(',').map(Number); i++; break;
      case '--min-seconds': o.minSeconds = Number(v); i++; break;
      case '--block': o.block = Number(v); i++; break;
      case '--only': o.only = v === 'chromium' ? 'chromium' : 'node'; i++; break;
      case '--json': o.json = v; i++; break;
      default:
        console.error(`bench: unknown option ${argv[i]} (use --runs 1,8,64 --min-seconds 2 --block 8 --only node|chromium --json FILE)`);
        process.exit(2);
    }
  }
  if (o.runs.some((s) => !Number.isInteger(s) || s < 1) || !(o.minSeconds >= 0) || !(o.block >= 1)) {
    console.error('bench: --runs must be positive integers, --min-seconds >= 0, --block >= 1');
    process.exit(2);
  }
  return o;
}

async function nodeBench(o: Options): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const S of o.runs) {
    const cpu = new CpuEngine(mnistSpec(S));
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

const o = parseOptions(process.argv.slice(2));
const rows: BenchRow[] = [];
if (o.only !== 'chromium') rows.push(...(await nodeBench(o)));
if (o.only !== 'node') rows.push(...(await chromiumBench(o)));
console.log(formatBench(rows));
if (o.json) writeFileSync(o.json, JSON.stringify({ format: 'vsml-bench', version: 1, rows }, null, 2));
process.exit(0);
