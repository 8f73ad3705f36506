// Meta-training throughput for `npm run bench`: steps/s of the trainer at the official shape
// (A = 784, K = 10, T = 500) for P pairs, per backend. A whole step at that shape takes minutes to
// hours on this machine, so each row times real trainer steps at two short trajectory lengths T1 < T2
// (after a warm-up step that creates the engines) and separates the cost per example
// (t(T2) - t(T1)) / (T2 - T1) from the fixed cost per step (parameters, states, noise, Adam); the
// step time at T = 500 is fixed + 500 x per-example, printed with the measured parts beside it.
import { parseMetaConfig } from '../meta/metaConfigParse';
import { createTrainer, type EngineFactory, type GradientRunner } from '../meta/trainer';
import type { BackendName } from '../model/engine';
import { nodeDataProvider } from './metaTrainData';

export interface MetaBenchRow {
  readonly method: 'es' | 'gradient';
  readonly backend: BackendName;
  readonly pairs: number;
  /** Measured seconds of one step at T1 and T2 examples. */
  readonly t1: { readonly steps: number; readonly seconds: number };
  readonly t2: { readonly steps: number; readonly seconds: number };
  readonly secondsPerExample: number;
  readonly fixedSeconds: number;
  /** At T = 500: fixed + 500 x per example. */
  readonly secondsPerStep: number;
  readonly stepsPerSecond: number;
}

const OFFICIAL_T = 500;

async function stepSeconds(
  method: 'es' | 'gradient',
  pairs: number,
  T: number,
  factory: EngineFactory,
  gradients?: GradientRunner,
): Promise<number> {
  const cfg = parseMetaConfig({
    format: 'vsml-meta-config',
    version: 1,
    preset: 'paper-fig6',
    method,
    pairs,
    trajectoryLength: T,
    evaluation: { every: 0 },
  });
  if (!cfg.ok) throw new Error(`${cfg.error.field}: ${cfg.error.message}`);
  const created = await createTrainer(cfg.value, factory, nodeDataProvider, gradients ? { gradients } : {});
  if (!created.ok) throw new Error(`${created.error.field}: ${created.error.message}`);
  const t = created.value;
  try {
    await t.step(); // engines, pipelines, first allocations
    const t0 = performance.now();
    await t.step();
    return (performance.now() - t0) / 1000;
  } finally {
    t.dispose();
  }
}

/** Per-example and fixed cost from two measured steps (T1 < T2), and the step at T = 500; negative parts read as 0. */
export function extrapolateStep(
  T1: number,
  s1: number,
  T2: number,
  s2: number,
): Pick<MetaBenchRow, 'secondsPerExample' | 'fixedSeconds' | 'secondsPerStep' | 'stepsPerSecond'> {
  const secondsPerExample = Math.max(0, (s2 - s1) / (T2 - T1));
  const fixedSeconds = Math.max(0, s1 - T1 * secondsPerExample);
  const secondsPerStep = fixedSeconds + OFFICIAL_T * secondsPerExample;
  return { secondsPerExample, fixedSeconds, secondsPerStep, stepsPerSecond: 1 / secondsPerStep };
}

/** One row: steps at T1 and T2 on `backend`, extrapolated to T = 500 as described above. */
export async function benchMetaStep(
  method: 'es' | 'gradient',
  backend: BackendName,
  pairs: number,
  T1: number,
  T2: number,
  factory: EngineFactory,
  gradients?: GradientRunner,
): Promise<MetaBenchRow> {
  const s1 = await stepSeconds(method, pairs, T1, factory, gradients);
  const s2 = await stepSeconds(method, pairs, T2, factory, gradients);
  return {
    method,
    backend,
    pairs,
    t1: { steps: T1, seconds: s1 },
    t2: { steps: T2, seconds: s2 },
    ...extrapolateStep(T1, s1, T2, s2),
  };
}

const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));

export function formatMetaBench(rows: readonly MetaBenchRow[]): string {
  const lines = [
    'Meta-training steps at the official shape (A = 784, K = 10, T = 500; 2P rollouts per ES step, P trajectories per gradient step):',
    'method    backend  P     measured step (T1 / T2 examples)      per example  fixed       step at T=500  steps/s',
  ];
  for (const r of rows) {
    lines.push(
      `${r.method.padEnd(9)} ${r.backend.padEnd(8)} ${String(r.pairs).padEnd(5)} ` +
        `${`${fmt(r.t1.seconds)} s (T=${r.t1.steps}) / ${fmt(r.t2.seconds)} s (T=${r.t2.steps})`.padEnd(37)} ` +
        `${`${fmt(r.secondsPerExample)} s`.padEnd(12)} ${`${fmt(r.fixedSeconds)} s`.padEnd(11)} ${`${fmt(r.secondsPerStep)} s`.padEnd(14)} ${r.stepsPerSecond.toExponential(2)}`,
    );
  }
  lines.push(
    '(step at T=500 = fixed + 500 x per example, from the two measured steps; nothing at T = 500 itself is run.)',
  );
  return lines.join('\n');
}
