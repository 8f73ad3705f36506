// The engine benchmark, shared by Node (src/cli/bench.ts) and the browser (bench.worker.ts):
// examples/s, cell-ticks/s and GFLOP/s (FLOP model in src/model/flops.ts) of one engine.
import { DEFAULT_CONFIG } from '../model/config';
import type { EngineSpec, VsmlEngine } from '../model/engine';
import { flopModel } from '../model/flops';
import { initParams, initRunStates } from '../model/init';
import { Rng } from '../model/rng';

export interface BenchRow {
  readonly environment: string;
  readonly backend: string;
  readonly description: string;
  readonly runs: number;
  readonly examples: number;
  readonly seconds: number;
  readonly examplesPerSecond: number;
  readonly cellTicksPerSecond: number;
  readonly gflops: number;
}

export interface BenchOptions {
  /** Keep running blocks until this much time has passed (at least one block). */
  readonly minSeconds: number;
  /** Examples per `run` call (one command buffer on the GPU). */
  readonly blockSize: number;
  readonly seed: number;
}

/** The MNIST grid of the paper: A = 784 inputs, K = 10 classes, default config, S runs. */
export const mnistSpec = (runs: number): EngineSpec => ({ config: DEFAULT_CONFIG, inputSize: 784, numClasses: 10, runs });

const now = (): number => performance.now() / 1000;

export async function benchEngine(engine: VsmlEngine, environment: string, opts: BenchOptions): Promise<BenchRow> {
  const { spec } = engine;
  const rng = new Rng(opts.seed);
  engine.setParams([initParams(spec.config, rng.fork(1))]);
  engine.setState(initRunStates(spec.config, engine.shapes, rng.fork(2), spec.runs));
  const T = opts.blockSize;
  const data = rng.fork(3);
  const inputs = Float32Array.from({ length: T * spec.inputSize }, () => data.normal());
  const labels = Int32Array.from({ length: T }, () => data.int(spec.numClasses));
  // Warm-up: pipeline compilation and first allocations are not measured.
  await engine.run({ inputs: inputs.subarray(0, spec.inputSize), labels: labels.subarray(0, 1), steps: 1 }, { outputs: false });
  let examples = 0;
  const t0 = now();
  let elapsed = 0;
  do {
    await engine.run({ inputs, labels, steps: T }, { outputs: false });
    examples += T;
    elapsed = now() - t0;
  } while (elapsed < opts.minSeconds);
  const flops = flopModel(spec.config, engine.shapes);
  const examplesPerSecond = (examples * spec.runs) / elapsed;
  return {
    environment,
    backend: engine.backend,
    description: engine.description,
    runs: spec.runs,
    examples,
    seconds: elapsed,
    examplesPerSecond,
    cellTicksPerSecond: examplesPerSecond * flops.cells,
    gflops: (examplesPerSecond * flops.perExample) / 1e9,
  };
}

const fmt = (x: number, digits = 3): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(digits));

/** The table: one line per (environment, backend, S), then WebGPU/CPU ratios at equal S, then the FLOP model. */
export function formatBench(rows: readonly BenchRow[]): string {
  const header = ['environment', 'backend', 'S', 'examples', 'seconds', 'run-examples/s', 'cell-ticks/s', 'GFLOP/s'];
  const lines = rows.map((r) => [
    r.environment, r.backend, String(r.runs), String(r.examples), r.seconds.toFixed(2),
    fmt(r.examplesPerSecond), r.cellTicksPerSecond.toExponential(3), fmt(r.gflops),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const pad = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i])).join('  ');
  const out = [pad(header), pad(widths.map((w) => '-'.repeat(w))), ...lines.map(pad)];
  const ratios: string[] = [];
  for (const r of rows) {
    if (r.backend === 'cpu') continue;
    const cpu = rows.find((c) => c.backend === 'cpu' && c.runs === r.runs && c.environment === r.environment);
    if (cpu) ratios.push(`  ${r.environment} S=${r.runs}: ${r.backend} / cpu = ${(r.cellTicksPerSecond / cpu.cellTicksPerSecond).toFixed(2)}x`);
  }
  if (ratios.length) out.push('', 'speed-up (cell-ticks/s, measured side by side in this run):', ...ratios);
  const adapters = [...new Set(rows.map((r) => `  ${r.environment} ${r.backend}: ${r.description}`))];
  out.push('', 'measured on:', ...adapters);
  const spec = mnistSpec(1);
  const shapes = [{ A: spec.inputSize, B: spec.numClasses }];
  out.push('', `FLOP model (src/model/flops.ts): ${flopModel(spec.config, shapes).formula}`);
  out.push('A cell-tick is one sub-RNN advancing one example (microTicks LSTM steps and its messages).');
  return out.join('\n');
}
