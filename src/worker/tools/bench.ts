// The engine benchmark's measuring step, shared by Node (src/cli/bench.ts) and the browser
// (bench.worker.ts): an engine is prepared for a case (S runs on the MNIST grid, one V_M shared by all
// runs or one per run) and then measured in segments, so that several engines can take turns
// (benchSchedule.ts interleaves them by rounds; benchTable.ts turns the rounds into the table).
import { DEFAULT_CONFIG } from '../../model/config';
import type { EngineSpec, VsmlEngine } from '../../model/engine';
import { initParams, initRunStates } from '../../model/init';
import { Rng } from '../../model/rng';

/** One V_M shared by every run, or one per run (the ES-step shape: a population of S members). */
export type VmSharing = 'shared' | 'per-run';

export interface BenchCase {
  readonly runs: number;
  readonly vm: VmSharing;
}

/** One timed segment of one engine: `examples` examples advanced by each of the case's runs. */
export interface Segment {
  readonly examples: number;
  readonly seconds: number;
}

/** Times whole blocks until `minSeconds` have passed (at least one block). */
export type Measurer = (minSeconds: number) => Promise<Segment>;

/** The MNIST grid of the paper: A = 784 inputs, K = 10 classes, default config, S runs. */
export const mnistSpec = (runs: number): EngineSpec => ({
  config: DEFAULT_CONFIG,
  inputSize: 784,
  numClasses: 10,
  runs,
});

export const caseLabel = (c: BenchCase): string => `S=${c.runs} ${c.vm === 'shared' ? 'shared V_M' : 'V_M per run'}`;

const now = (): number => performance.now() / 1000;

/**
 * Seeds the engine's parameters (one set, or S different sets) and states, runs one warm-up example
 * (pipeline compilation, first allocations, JIT), and returns its measurer. Inputs: a block of
 * `blockSize` normal examples, one stream read by every run.
 */
export async function prepareMeasure(
  engine: VsmlEngine,
  vm: VmSharing,
  blockSize: number,
  seed: number,
): Promise<Measurer> {
  const { spec } = engine;
  const rng = new Rng(seed);
  const sets = vm === 'shared' ? 1 : spec.runs;
  const prng = rng.fork(1);
  engine.setParams(Array.from({ length: sets }, (_, i) => initParams(spec.config, prng.fork(i))));
  engine.setState(initRunStates(spec.config, engine.shapes, rng.fork(2), spec.runs));
  const T = blockSize;
  const data = rng.fork(3);
  const inputs = Float32Array.from({ length: T * spec.inputSize }, () => data.normal());
  const labels = Int32Array.from({ length: T }, () => data.int(spec.numClasses));
  await engine.run(
    { inputs: inputs.subarray(0, spec.inputSize), labels: labels.subarray(0, 1), steps: 1 },
    { outputs: false },
  );
  return async (minSeconds) => {
    let examples = 0;
    const t0 = now();
    let elapsed = 0;
    do {
      await engine.run({ inputs, labels, steps: T }, { outputs: false });
      examples += T;
      elapsed = now() - t0;
    } while (elapsed < minSeconds);
    return { examples, seconds: elapsed };
  };
}
