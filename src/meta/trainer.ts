// The meta-trainer, driven one step at a time by the CLI or a Web Worker: no Node imports; engines,
// data and gradient workers come in through injected factories. Three meta-optimisers
// (config.method): two estimate a meta-gradient for Adam, the third is separable CMA-ES.
//
// es (official experiment.py:290-332), one step s (0-based) from theta:
//   1. every pair p gets a task variant (variants.ts) and eps_p = noise(seed, s, p) over all of V_M;
//   2. the 2P rollouts run as batched engine runs (rollouts.ts): theta +- sigma eps_p on the same
//      trajectory (same examples, same initial state); fitness = mean CE over the T predictions;
//   3. if any fitness is not finite the step is rejected: theta and Adam stay as they were;
//   4. else g = mean_p w_p eps_p / (2 sigma) (w_p = L+ - L-, or centred ranks), eps_p regenerated;
//      Adam (optax) descends; the reported meta-loss is mean_p (L+ + L-) / 2.
//
// gradient (official configs/backprop.yaml): the P trajectories of step s (same data and initial
// states as ES pairs would get) run on the CPU with their exact gradients through the unroll
// (gradientStep.ts); g = their mean, clipped to clipNorm; any non-finite loss or gradient rejects
// the step; Adam. The reported meta-loss is the mean trajectory loss.
//
// Either way the gradient's L2 norm (before clipping) is reported, and clipNorm > 0 applies to both.
//
// cma-es: separable CMA-ES (src/model/es/sepCma.ts, cmaStep.ts). Pair p of step s runs
// float32(m +- sigma sqrt(c) z_p), z_p the ES noise of pair p, as the ES rollouts; a non-finite
// fitness rejects the step (state kept, as ES); else sepCmaTell and theta = float32(m). The reported
// meta-loss is mean_p (L+ + L-) / 2 and gradientNorm the L2 norm of the mean's shift |m' - m|.
import { EngineCache, type EngineFactory } from './engineCache';
import { runEngineSpecs } from './engineSpecs';
import type { EngineSpec } from '../model/engine';
import { initParams } from '../model/init';
import { asVmParams, paramLayout, type VmParams } from '../model/layout';
import { adamInit, cloneAdam, type AdamState } from '../model/es/adam';
import { cloneSepCma, sepCmaInit, sepCmaParams, type SepCmaParams, type SepCmaState } from '../model/es/sepCma';
import type { Learner } from '../model/formats/learner';
import { Rng } from '../model/rng';
import { fail, ok, type Result } from '../model/result';
import type { Checkpoint } from './checkpoint';
import { cloneStep } from './cloneStep';
import { cmaPairParams, cmaUpdate, type CmaUpdate } from './cmaStep';
import { clipAndAdam, esEstimateOf, firstNonFinite, pairMean, type EsEstimate } from './esStep';
import { inThreadGradients, meanGradient, type GradientJob, type GradientRunner } from './gradientStep';
import { HeldOutSet, type HeldOutResult } from './heldOut';
import type { MetaConfig } from './metaConfig';
import { estimateMetaTraining, openedSizes, type MetaMemoryOptions } from './metaMemory';
import { memoryRefusal, type MemoryLimit } from '../model/resources';
import { trajectoryDifference } from './metaConfigParse';
import { DEFAULT_MAX_RUNS_PER_BATCH, runRollouts, type RolloutOptions, type RolloutRunner } from './rollouts';
import { initSeed } from './seeds';
import { buildVariantTasks, SourceCache, type DataProvider, type VariantTask } from './taskSet';
import { pairTrajectory } from './trajectories';
import { layerSizes } from '../model/config';
import { layerShapes } from '../model/state';
import { assignVariants, taskVariants, type TaskVariant } from './variants';

export type { DataProvider } from './taskSet';
export type { EngineFactory } from './engineCache';
export type { GradientRunner } from './gradientStep';

export interface TrainerOptions extends RolloutOptions {
  /** Engines kept at once (default 16). */
  readonly maxEngines?: number;
  /** Clock in ms (default performance.now). */
  readonly now?: () => number;
  /** Where method "gradient" computes the trajectories' gradients (default: this thread). */
  readonly gradients?: GradientRunner;
  /** V_M at step 0 when config.init names a learner file (the caller reads it); else initParams from the seed. */
  readonly initialParams?: VmParams;
  /**
   * Refuse a run whose memory estimate (metaMemory.ts) is over the limit, once the data sets are open
   * and before any task, projection or engine is made: a value with code "memory" naming the field.
   */
  readonly memory?: { readonly limit: MemoryLimit } & MetaMemoryOptions;
  /**
   * Method es: where the pairs run, made once from the run's tasks (e.g. a job queue's coordinator,
   * src/cli/queue/coordinator.ts); default runRollouts on this process's engines.
   */
  readonly rollouts?: (tasks: readonly VariantTask[]) => RolloutRunner;
}

export interface StepReport {
  /** Steps done after this one (1 for the first). */
  readonly step: number;
  /** mean_p (L+ + L-) / 2 (method gradient: the mean trajectory loss); null when rejected. */
  readonly metaLoss: number | null;
  readonly accepted: boolean;
  /** Why the step was rejected (e.g. "pair 3: L- is NaN"), else null. */
  readonly rejection: string | null;
  /** [P] fitness of theta + sigma eps_p and theta - sigma eps_p (method gradient: both the trajectory's loss). */
  readonly plus: Float64Array;
  readonly minus: Float64Array;
  /** L2 norm of the gradient estimate before clipping (cma-es: of the mean's shift); null when rejected. */
  readonly gradientNorm: number | null;
  /** [P] variant of each pair. */
  readonly variants: Uint32Array;
  readonly seconds: number;
}

/**
 * Step s's report from its estimate: accepted with the update's gradientNorm, or rejected (gradientNorm null,
 * est.rejection set).
 */
export function stepReport(
  s: number,
  variants: Uint32Array,
  est: EsEstimate,
  gradientNorm: number | null,
  seconds: number,
): StepReport {
  const { plus, minus } = est;
  return est.rejection !== null
    ? {
        step: s + 1,
        metaLoss: null,
        accepted: false,
        rejection: est.rejection,
        plus,
        minus,
        gradientNorm: null,
        variants,
        seconds,
      }
    : {
        step: s + 1,
        metaLoss: est.metaLoss,
        accepted: true,
        rejection: null,
        plus,
        minus,
        gradientNorm,
        variants,
        seconds,
      };
}

export interface TrainerSnapshot {
  readonly step: number;
  readonly rejected: number;
  /** A copy of theta. */
  readonly params: VmParams;
  /** A copy of the Adam state (cma-es: the initial one, unused). */
  readonly optimizer: AdamState;
  /** Method cma-es: a copy of the sep-CMA-ES state; absent otherwise. */
  readonly cma?: SepCmaState;
}

export interface Trainer {
  readonly config: MetaConfig;
  readonly variants: readonly TaskVariant[];
  /**
   * One meta-training step (ES or gradient). Throws only when an engine or gradient worker fails (the state is then as
   * before the step).
   */
  step(): Promise<StepReport>;
  /** The held-out evaluations with the current theta ([] when none are configured). */
  evaluate(): Promise<HeldOutResult[]>;
  /**
   * The engines its steps and evaluations will ask the factory for, one per task shape at its largest
   * run count (engineSpecs.ts): make them once to check a device's limits before the first step.
   */
  engineSpecs(): EngineSpec[];
  state(): TrainerSnapshot;
  /** The current theta as a learner. */
  learner(): Learner;
  checkpoint(): Checkpoint;
  /** Continue from a checkpoint; refused when it would meta-train differently (the field is named). */
  restore(cp: Checkpoint): Result<true>;
  dispose(): void;
}

class MetaTrainer implements Trainer {
  private theta: VmParams;
  private adam: AdamState;
  /** Method cma-es: the state and the strategy parameters; null otherwise. */
  private cma: { state: SepCmaState; readonly params: SepCmaParams } | null;
  private stepsDone = 0;
  private rejectedSteps = 0;
  private readonly size: number;
  private readonly now: () => number;
  private readonly rollouts: RolloutRunner | null;

  constructor(
    readonly config: MetaConfig,
    private readonly tasks: readonly VariantTask[],
    private readonly heldOut: HeldOutSet,
    private readonly engines: EngineCache,
    private readonly options: TrainerOptions,
  ) {
    this.size = paramLayout(config.model).size;
    this.theta = options.initialParams
      ? asVmParams(new Float32Array(options.initialParams))
      : initParams(config.model, new Rng(initSeed(config.seed)));
    this.adam = adamInit(this.size);
    this.cma =
      config.method === 'cma-es'
        ? { state: sepCmaInit(this.theta, config.sigma), params: sepCmaParams(this.size, config.pairs) }
        : null;
    this.now = options.now ?? (() => performance.now());
    this.rollouts = options.rollouts?.(tasks) ?? null;
  }

  get variants(): readonly TaskVariant[] {
    return this.tasks.map((t) => t.variant);
  }

  async step(): Promise<StepReport> {
    const cfg = this.config;
    const s = this.stepsDone;
    const started = this.now();
    const variants = assignVariants(cfg, this.tasks.length, s);
    const est =
      cfg.method === 'gradient'
        ? await this.gradientEstimate(variants, s)
        : cfg.method === 'cma-es'
          ? await this.cmaEstimate(variants, s)
          : cfg.method === 'clone-backprop'
            ? this.cloneEstimate(s)
            : await this.esEstimate(variants, s);
    this.stepsDone = s + 1;
    const seconds = () => (this.now() - started) / 1000;
    if (est.rejection !== null) {
      this.rejectedSteps++;
      return stepReport(s, variants, est, null, seconds());
    }
    let gradientNorm: number;
    if (est.cma && this.cma) {
      this.cma.state = est.cma.next;
      this.theta = asVmParams(Float32Array.from(est.cma.next.mean));
      gradientNorm = est.cma.meanShift;
    } else {
      gradientNorm = clipAndAdam(cfg, this.theta, est.g, this.adam);
    }
    return stepReport(s, variants, est, gradientNorm, seconds());
  }

  private async esEstimate(variants: Uint32Array, s: number): Promise<Estimate> {
    const cfg = this.config;
    const fitness = this.rollouts
      ? await this.rollouts(new Float32Array(this.theta), variants, s)
      : await runRollouts(cfg, this.theta, this.tasks, variants, s, this.engines, this.options);
    return esEstimateOf(cfg, fitness, this.size, s);
  }

  private async cmaEstimate(variants: Uint32Array, s: number): Promise<Estimate> {
    const cfg = this.config;
    const cma = this.cma as NonNullable<MetaTrainer['cma']>;
    const pairParams = cmaPairParams(cma.state, cfg.seed, s);
    const { plus, minus } = await runRollouts(
      cfg,
      this.theta,
      this.tasks,
      variants,
      s,
      this.engines,
      this.options,
      pairParams,
    );
    const bad = firstNonFinite(plus, minus);
    if (bad !== null) return { plus, minus, rejection: bad, g: new Float64Array(0), metaLoss: NaN };
    const update = cmaUpdate(cma.state, cma.params, plus, minus, cfg.seed, s);
    return { plus, minus, rejection: null, g: new Float64Array(0), metaLoss: pairMean(plus, minus), cma: update };
  }

  private cloneEstimate(s: number): Estimate {
    const { loss, g } = cloneStep(this.config, this.theta, this.tasks[0].task.inputSize, s);
    const losses = Float64Array.of(loss.loss);
    const bad = g.findIndex((x) => !Number.isFinite(x));
    const rejection = !Number.isFinite(loss.loss)
      ? `cloning loss is ${loss.loss}`
      : bad >= 0
        ? `gradient: ${g[bad]} at index ${bad}`
        : null;
    return { plus: losses, minus: losses, rejection, g, metaLoss: loss.loss };
  }

  private async gradientEstimate(variants: Uint32Array, s: number): Promise<Estimate> {
    const cfg = this.config;
    const jobs: GradientJob[] = Array.from(variants, (v, p) => {
      const { inputSize, numClasses } = this.tasks[v].task;
      const shapes = layerShapes(layerSizes(cfg.model, inputSize, numClasses));
      const objective =
        cfg.objective === 'clone-sgd'
          ? { kind: 'clone-sgd' as const, eta: cfg.cloneLearningRate }
          : { kind: 'meta-loss' as const };
      return { inputSize, numClasses, trajectory: pairTrajectory(cfg, this.tasks[v], s, p, shapes), objective };
    });
    const r = await (this.options.gradients ?? inThreadGradients)(cfg.model, new Float32Array(this.theta), jobs);
    const losses = r.losses;
    const g = meanGradient(r.grads, jobs.length, this.size);
    const badLoss = losses.findIndex((x) => !Number.isFinite(x));
    const badGrad = g.findIndex((x) => !Number.isFinite(x));
    const rejection =
      badLoss >= 0
        ? `trajectory ${badLoss}: loss is ${losses[badLoss]}`
        : badGrad >= 0
          ? `gradient: ${g[badGrad]} at index ${badGrad}`
          : null;
    let sum = 0;
    for (const x of losses) sum += x;
    return { plus: losses, minus: losses, rejection, g, metaLoss: sum / losses.length };
  }

  async evaluate(): Promise<HeldOutResult[]> {
    return this.heldOut.evaluate(this.config.model, asVmParams(new Float32Array(this.theta)), this.engines);
  }

  engineSpecs(): EngineSpec[] {
    return runEngineSpecs(
      this.config,
      this.tasks,
      this.heldOut.engineShapes(),
      this.options.maxRunsPerBatch ?? DEFAULT_MAX_RUNS_PER_BATCH,
    );
  }

  state(): TrainerSnapshot {
    return {
      step: this.stepsDone,
      rejected: this.rejectedSteps,
      params: asVmParams(new Float32Array(this.theta)),
      optimizer: cloneAdam(this.adam),
      ...this.cmaCopy(),
    };
  }

  learner(): Learner {
    return { config: this.config.model, params: asVmParams(new Float32Array(this.theta)) };
  }

  checkpoint(): Checkpoint {
    return {
      config: this.config,
      step: this.stepsDone,
      rejected: this.rejectedSteps,
      learner: this.learner(),
      optimizer: cloneAdam(this.adam),
      ...this.cmaCopy(),
    };
  }

  private cmaCopy(): { cma?: SepCmaState } {
    return this.cma ? { cma: cloneSepCma(this.cma.state) } : {};
  }

  restore(cp: Checkpoint): Result<true> {
    const diff = trajectoryDifference(cp.config, this.config);
    if (diff !== null)
      return fail(
        'mismatch',
        `config.${diff}`,
        'differs from the checkpoint (only steps, checkpointEvery and evaluation may change on resume)',
      );
    if (
      cp.learner.params.length !== this.size ||
      cp.optimizer.m.length !== this.size ||
      cp.optimizer.v.length !== this.size
    ) {
      return fail('shape', 'learner.params', `expected ${this.size} values`);
    }
    if (this.cma) {
      if (!cp.cma) return fail('missing', 'cma', "a cma-es run needs the checkpoint's sep-CMA-ES state");
      if (cp.cma.mean.length !== this.size) return fail('shape', 'cma.mean', `expected ${this.size} values`);
      this.cma.state = cloneSepCma(cp.cma);
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

interface Estimate extends EsEstimate {
  /** Method cma-es: the next state (g is then empty). */
  readonly cma?: CmaUpdate;
}

/** Re-exported from esStep.ts, where VSML's and the learned learners' trainers share them. */
export { firstNonFinite, pairMean };

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
  if (config.learner.kind !== 'vsml') {
    return fail(
      'unsupported',
      'learner.kind',
      `a ${config.learner.kind} learner is meta-trained by createLearnedTrainer (src/meta/learnedTrainer.ts), on the CPU reference`,
    );
  }
  if ((config.init === null) !== (options.initialParams === undefined)) {
    return fail(
      'init',
      'init',
      config.init === null
        ? 'initial parameters given but the config has no init'
        : `the learner ${config.init} was not loaded`,
    );
  }
  if (options.initialParams && options.initialParams.length !== paramLayout(config.model).size) {
    return fail(
      'shape',
      'init',
      `${config.init}: V_M has ${options.initialParams.length} values, the config's model needs ${paramLayout(config.model).size}`,
    );
  }
  const sources = new SourceCache(data);
  if (options.memory) {
    const estimate = await estimateMetaTraining(config, openedSizes(sources), options.memory);
    if (!estimate.ok) return estimate;
    const refusal = memoryRefusal(estimate.value, options.memory.limit);
    if (refusal) return fail('memory', refusal.field, refusal.message);
  }
  const tasks = await buildVariantTasks(config, taskVariants(config), sources);
  if (!tasks.ok) return tasks;
  const heldOut = await HeldOutSet.create(config.evaluation, sources);
  if (!heldOut.ok) return heldOut;
  const engines = new EngineCache(engineFactory, config.model, options.maxEngines);
  return ok(new MetaTrainer(config, tasks.value, heldOut.value, engines, options));
}
