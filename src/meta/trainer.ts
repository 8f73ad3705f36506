// The ES meta-trainer (official experiment.py:290-332), driven one step at a time by the CLI or a
// Web Worker: no Node imports; engines and data come in through injected factories.
//
// One step s (0-based) from theta:
//   1. every pair p gets a task variant (variants.ts) and eps_p = noise(seed, s, p) over all of V_M;
//   2. the 2P rollouts run as batched engine runs (rollouts.ts): theta +- sigma eps_p on the same
//      trajectory (same examples, same initial state); fitness = mean CE over the T predictions;
//   3. if any fitness is not finite the step is rejected: theta and Adam stay as they were;
//   4. else g = mean_p w_p eps_p / (2 sigma) (w_p = L+ - L-, or centred ranks), eps_p regenerated;
//      Adam (optax) descends; the reported meta-loss is mean_p (L+ + L-) / 2.
import { EngineCache, type EngineFactory } from './engineCache';
import { initParams } from '../model/init';
import { asVmParams, paramLayout, type VmParams } from '../model/layout';
import { adamInit, adamStep, cloneAdam, type AdamState } from '../model/es/adam';
import { esGradient } from '../model/es/gradient';
import { fillNoise } from '../model/es/noise';
import { pairWeights } from '../model/es/shaping';
import type { Learner } from '../model/formats/learner';
import { Rng } from '../model/rng';
import { fail, ok, type Result } from '../model/result';
import type { Checkpoint } from './checkpoint';
import { HeldOutSet, type HeldOutResult } from './heldOut';
import type { MetaConfig } from './metaConfig';
import { trajectoryDifference } from './metaConfigParse';
import { runRollouts, type RolloutOptions } from './rollouts';
import { initSeed } from './seeds';
import { buildVariantTasks, SourceCache, type DataProvider, type VariantTask } from './taskSet';
import { assignVariants, taskVariants, type TaskVariant } from './variants';

export type { DataProvider } from './taskSet';
export type { EngineFactory } from './engineCache';

export interface TrainerOptions extends RolloutOptions {
  /** Engines kept at once (default 16). */
  readonly maxEngines?: number;
  /** Clock in ms (default performance.now). */
  readonly now?: () => number;
}

export interface StepReport {
  /** ES steps done after this one (1 for the first). */
  readonly step: number;
  /** mean_p (L+ + L-) / 2; null when rejected. */
  readonly metaLoss: number | null;
  readonly accepted: boolean;
  /** Why the step was rejected (e.g. "pair 3: L- is NaN"), else null. */
  readonly rejection: string | null;
  /** [P] fitness of theta + sigma eps_p and theta - sigma eps_p. */
  readonly plus: Float64Array;
  readonly minus: Float64Array;
  /** [P] variant of each pair. */
  readonly variants: Uint32Array;
  readonly seconds: number;
}

export interface TrainerState {
  readonly step: number;
  readonly rejected: number;
  /** A copy of theta. */
  readonly params: VmParams;
  /** A copy of the Adam state. */
  readonly optimizer: AdamState;
}

export interface Trainer {
  readonly config: MetaConfig;
  readonly variants: readonly TaskVariant[];
  /** One ES step. Throws only when an engine fails (the state is then as before the step). */
  step(): Promise<StepReport>;
  /** The held-out evaluations with the current theta ([] when none are configured). */
  evaluate(): Promise<HeldOutResult[]>;
  state(): TrainerState;
  /** The current theta as a learner. */
  learner(): Learner;
  checkpoint(): Checkpoint;
  /** Continue from a checkpoint; refused when it would meta-train differently (the field is named). */
  restore(cp: Checkpoint): Result<true>;
  dispose(): void;
}

class EsTrainer implements Trainer {
  private theta: VmParams;
  private adam: AdamState;
  private stepsDone = 0;
  private rejectedSteps = 0;
  private readonly size: number;
  private readonly now: () => number;

  constructor(
    readonly config: MetaConfig,
    private readonly tasks: readonly VariantTask[],
    private readonly heldOut: HeldOutSet,
    private readonly engines: EngineCache,
    private readonly options: TrainerOptions,
  ) {
    this.theta = initParams(config.model, new Rng(initSeed(config.seed)));
    this.size = paramLayout(config.model).size;
    this.adam = adamInit(this.size);
    this.now = options.now ?? (() => performance.now());
  }

  get variants(): readonly TaskVariant[] {
    return this.tasks.map((t) => t.variant);
  }

  async step(): Promise<StepReport> {
    const cfg = this.config;
    const s = this.stepsDone;
    const started = this.now();
    const variants = assignVariants(cfg, this.tasks.length, s);
    const { plus, minus } = await runRollouts(cfg, this.theta, this.tasks, variants, s, this.engines, this.options);
    this.stepsDone = s + 1;
    const bad = firstNonFinite(plus, minus);
    if (bad !== null) {
      this.rejectedSteps++;
      return { step: s + 1, metaLoss: null, accepted: false, rejection: bad, plus, minus, variants, seconds: (this.now() - started) / 1000 };
    }
    let sum = 0;
    for (let p = 0; p < cfg.pairs; p++) sum += (plus[p] + minus[p]) / 2;
    const w = pairWeights(plus, minus, cfg.fitnessShaping);
    const g = esGradient(w, cfg.sigma, this.size, (p, out) => fillNoise(cfg.seed, s, p, out));
    adamStep(this.theta, g, this.adam, { learningRate: cfg.learningRate, beta1: cfg.beta1, beta2: cfg.beta2, eps: cfg.adamEps });
    return { step: s + 1, metaLoss: sum / cfg.pairs, accepted: true, rejection: null, plus, minus, variants, seconds: (this.now() - started) / 1000 };
  }

  async evaluate(): Promise<HeldOutResult[]> {
    return this.heldOut.evaluate(this.config.model, asVmParams(new Float32Array(this.theta)), this.engines);
  }

  state(): TrainerState {
    return { step: this.stepsDone, rejected: this.rejectedSteps, params: asVmParams(new Float32Array(this.theta)), optimizer: cloneAdam(this.adam) };
  }

  learner(): Learner {
    return { config: this.config.model, params: asVmParams(new Float32Array(this.theta)) };
  }

  checkpoint(): Checkpoint {
    return { config: this.config, step: this.stepsDone, rejected: this.rejectedSteps, learner: this.learner(), optimizer: cloneAdam(this.adam) };
  }

  restore(cp: Checkpoint): Result<true> {
    const diff = trajectoryDifference(cp.config, this.config);
    if (diff !== null) return fail('mismatch', `config.${diff}`, 'differs from the checkpoint (only steps, checkpointEvery and evaluation may change on resume)');
    if (cp.learner.params.length !== this.size || cp.optimizer.m.length !== this.size || cp.optimizer.v.length !== this.size) {
      return fail('shape', 'learner.params', `expected ${this.size} values`);
    }
    this.theta = asVmParams(new Float32Array(cp.learner.params));
    this.adam = cloneAdam(cp.optimizer);
    this.stepsDone = cp.step;
    this.rejectedSteps = cp.rejected;
    return ok(true);
  }

  dispose(): void {
    this.engines.dispose();
  }
}

/** "pair 3: L- is NaN" for the first non-finite fitness, or null. */
function firstNonFinite(plus: Float64Array, minus: Float64Array): string | null {
  for (let p = 0; p < plus.length; p++) {
    if (!Number.isFinite(plus[p])) return `pair ${p}: L+ is ${plus[p]}`;
    if (!Number.isFinite(minus[p])) return `pair ${p}: L- is ${minus[p]}`;
  }
  return null;
}

/**
 * A trainer at step 0 (theta from the seed, Adam moments 0). Opens every meta-training and held-out
 * dataset through `data` first: a data error comes back as a value whose field names the file or
 * the config field.
 */
export async function createTrainer(
  config: MetaConfig,
  engineFactory: EngineFactory,
  data: DataProvider,
  options: TrainerOptions = {},
): Promise<Result<Trainer>> {
  const sources = new SourceCache(data);
  const tasks = await buildVariantTasks(config, taskVariants(config), sources);
  if (!tasks.ok) return tasks;
  const heldOut = await HeldOutSet.create(config.evaluation, sources);
  if (!heldOut.ok) return heldOut;
  const engines = new EngineCache(engineFactory, config.model, options.maxEngines);
  return ok(new EsTrainer(config, tasks.value, heldOut.value, engines, options));
}

