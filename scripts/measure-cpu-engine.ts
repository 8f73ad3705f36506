// Measures the fast CPU engine beside the TypeScript reference and the numpy peer on the MNIST grid
// (784x10, N 16, M 8, 2 micro-ticks; one shared V_M), interleaved: each round runs every contender
// once at each S, so load from other work falls on all of them alike. Not a test (speed lives in
// npm run bench); prints cell-ticks per second (one cell, one example, all micro-ticks) and `uptime`.
//   npx tsx scripts/measure-cpu-engine.ts [--rounds 3] [--seconds 1.5] [--runs 1,8,64] [--threads 1,2]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createCpuEngine } from '../src/cpu/cpuEngine';
import { nodeThreads } from '../src/cpu/threadsNode';
import { loadWasmNode } from '../src/cpu/wasmNode';
import { DEFAULT_CONFIG } from '../src/model/config';
import type { VsmlEngine } from '../src/model/engine';
import { initParams, initRunStates } from '../src/model/init';
import { ReferenceEngine } from '../src/model/referenceEngine';
import { Rng } from '../src/model/rng';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', '3'));
const SECONDS = Number(arg('seconds', '1.5'));
const RUNS = arg('runs', '1,8,64').split(',').map(Number);
const THREADS = arg('threads', '1,2').split(',').map(Number);
const CELLS = 784 * 10;

async function measure(engine: VsmlEngine, S: number): Promise<number> {
  const rng = new Rng(22);
  engine.setParams([initParams(DEFAULT_CONFIG, rng.fork(1))]);
  engine.setState(initRunStates(DEFAULT_CONFIG, engine.shapes, rng.fork(2), S));
  const data = rng.fork(3);
  const block = {
    inputs: Float32Array.from({ length: 8 * 784 }, () => data.normal()),
    labels: Int32Array.from({ length: 8 }, () => data.int(10)),
    steps: 8,
  };
  const one = { inputs: block.inputs.subarray(0, 784), labels: block.labels.subarray(0, 1), steps: 1 };
  await engine.run(one, { outputs: false }); // warm-up
  let examples = 0;
  const t0 = performance.now();
  while ((performance.now() - t0) / 1000 < SECONDS) {
    const b = engine instanceof ReferenceEngine ? one : block;
    await engine.run(b, { outputs: false });
    examples += b.steps;
  }
  return (examples * S * CELLS) / ((performance.now() - t0) / 1000);
}

function numpy(S: number): number | null {
  try {
    const out = execFileSync(
      'python3',
      ['scripts/numpy-peer.py', '--runs', String(S), '--vm', 'shared', '--seconds', String(SECONDS)],
      { encoding: 'utf8' },
    );
    return (JSON.parse(out.trim().split('\n').pop() as string) as { cellTicksPerSecond: number }).cellTicksPerSecond;
  } catch {
    return null;
  }
}

const module = await loadWasmNode();
const rows = new Map<string, number[]>();
const add = (key: string, v: number | null) => {
  if (v !== null) rows.set(key, [...(rows.get(key) ?? []), v]);
};
let description = '';
for (let round = 0; round < ROUNDS; round++) {
  console.log(
    `round ${round + 1}/${ROUNDS}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const S of RUNS) {
    const spec = { config: DEFAULT_CONFIG, inputSize: 784, numClasses: 10, runs: S };
    if (S <= 8) add(`reference S=${S}`, await measure(new ReferenceEngine(spec), S));
    for (const threads of THREADS) {
      const e = await createCpuEngine(spec, { module, threads, threadsFactory: nodeThreads });
      description = e.description.replace(/, \d+ threads?\)/, ')');
      add(`fast ${threads}T S=${S}`, await measure(e, S));
      e.dispose();
    }
    add(`numpy S=${S}`, numpy(S));
  }
}
console.log(
  `\n${description}; median of ${ROUNDS} interleaved rounds, cell-ticks/s (uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()})`,
);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const S of RUNS) {
  const np = rows.get(`numpy S=${S}`);
  const ref = rows.get(`reference S=${S}`);
  const cells = [`S=${S}`.padEnd(6)];
  if (ref) cells.push(`reference ${median(ref).toExponential(2)}`);
  for (const t of THREADS) {
    const f = rows.get(`fast ${t}T S=${S}`) as number[];
    const ratios = [
      np ? `${(median(f) / median(np)).toFixed(2)}x numpy` : '',
      ref ? `${(median(f) / median(ref)).toFixed(0)}x reference` : '',
    ]
      .filter(Boolean)
      .join(', ');
    cells.push(`fast ${t}T ${median(f).toExponential(2)}${ratios ? ` (${ratios})` : ''}`);
  }
  if (np) cells.push(`numpy ${median(np).toExponential(2)}`);
  console.log(cells.join(' | '));
}
