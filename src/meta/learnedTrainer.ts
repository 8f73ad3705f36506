// The meta-trainer of a learned learner without variable sharing (config.learner: Meta RNN, Hebbian
// or FWMemory; src/model/learners), by the same OpenAI-ES as VSML's (trainer.ts, official
// experiment.py:290-332, with every baseline on the same ES settings: semantics §4). Step s from
// theta [P]:
//   1. every pair p gets a task variant (variants.ts) and eps_p = fillNoise(seed, s, p) over P;
//   2. the 2P rollouts run on the CPU reference (learnedRollouts.ts): theta +- sigma eps_p on the
//      same trajectory, every task zero-padded to the learner's shape; fitness = mean CE over T;
//   3. a non-finite fitness rejects the step (theta and Adam kept, the step counter advances);
//   4. else g = mean_p w_p eps_p / (2 sigma) (esGradient, pairWeights), clipNorm, Adam (optax);
//      the reported meta-loss is mean_p (L+ + L-) / 2.
// Method gradient (as VSML's, official configs/backprop.yaml) replaces 2-4: trajectory p reads what
// pair p would, its exact gradient through the unroll (learnedGradients.ts); g = their mean, a
// non-finite loss or gradient rejects the step, else clipNorm and Adam; the meta-loss is the mean
// trajectory loss (reported as both L+ and L- of each pair).
// theta starts from the kind's init with seed initSeed(config.seed), or from config.init (a file of
// the same kind, shape and spec, read by the caller). Held-out evaluations run the learner file of
// theta through learnedBatchLearner (zero-padding, the first K outputs).
import { adamInit, cloneAdam, type AdamState } from '../model/es/adam';
import type { LearnedLearner } from '../model/formats/learnedLearner';
import { learnedKindDef } from '../model/learners/kinds';
import { fail, formatFieldError, ok, type Result } from '../model/result';
import { clipAndAdam, esEstimateOf, type EsEstimate } from './esStep';
import { HeldOutSet, type HeldOutResult } from './heldOut';
import type { LearnedCheckpoint } from './learnedCheckpoint';
import { learnedBatchLearner } from './learnedBatch';
import { learnedGradientEstimate } from './learnedGradients';
import { LearnedRunsCache, runLearnedRollouts, type LearnedTarget } from './learnedRollouts';
import { learnedChoice, type MetaConfig } from './metaConfig';
import { trajectoryDifference } from './metaConfigParse';
import type { RolloutOptions } from './rollouts';
import { initSeed } from './seeds';
import { buildVariantTasks, SourceCache, type DataProvider, type VariantTask } from './taskSet';
import { stepReport, type StepReport } from './trainer';
import { assignVariants, describeVariant, taskVariants, type TaskVariant } from './variants';

export interface LearnedTrainerOptions extends RolloutOptions {
  /** Clock in ms (default performance.now). */
  readonly now?: () => number;
  /**
   * theta at step 0 when config.init names a learner file (the caller reads it); else the kind's init from the seed.
   */
  readonly initialParams?: Float32Array;
}

export interface LearnedTrainerSnapshot {
  readonly step: number;
  readonly rejected: number;
  /** A copy of theta. */
  readonly params: Float32Array;
  readonly optimizer: AdamState;
}

export interface LearnedTrainer {
  readonly config: MetaConfig;
  readonly variants: readonly TaskVariant[];
  /** One ES or gradient step (CPU; the state is as before the step if it throws). */
  step(): Promise<StepReport>;
  /** The held-out evaluations with the current theta ([] when none are configured). */
  evaluate(): Promise<HeldOutResult[]>;
  state(): LearnedTrainerSnapshot;
  /** The current theta as the kind's learner file. */
  learner(): LearnedLearner;
  checkpoint(): LearnedCheckpoint;
  /** Continue from a checkpoint; refused when it would meta-train differently (the field is named). */
  restore(cp: LearnedCheckpoint): Result<true>;
  dispose(): void;
}

class EsLearnedTrainer implements LearnedTrainer {
  private theta: Float32Array;
  private adam: AdamState;
  private stepsDone = 0;
  private rejectedSteps = 0;
  private readonly now: () => number;
  private readonly cache: LearnedRunsCache;

  constructor(
    readonly config: MetaConfig,
    private readonly target: LearnedTarget,
    private readonly tasks: readonly VariantTask[],
    private readonly heldOut: HeldOutSet,
    private readonly options: LearnedTrainerOptions,
  ) {
    this.theta = options.initialParams
      ? new Float32Array(options.initialParams)
      : target.def.initOf(target.shape, target.spec, initSeed(config.seed));
    this.adam = adamInit(this.theta.length);
    this.cache = new LearnedRunsCache(target);
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
    const est =
      cfg.method === 'gradient'
        ? this.gradientEstimate(variants, s)
        : esEstimateOf(
            cfg,
            runLearnedRollouts(cfg, this.theta, this.tasks, variants, s, this.cache, this.options),
            this.theta.length,
            s,
          );
    this.stepsDone = s + 1;
    const seconds = () => (this.now() - started) / 1000;
    if (est.rejection !== null) {
      this.rejectedSteps++;
      return stepReport(s, variants, est, null, seconds());
    }
    const gradientNorm = clipAndAdam(cfg, this.theta, est.g, this.adam);
    return stepReport(s, variants, est, gradientNorm, seconds());
  }

  /** Method gradient: the mean of the P trajectories' exact gradients (each loss reported as both L+ and L-). */
  private gradientEstimate(variants: Uint32Array, s: number): EsEstimate {
    const { kind } = this.target.def;
    const { shape, spec } = this.target;
    const est = learnedGradientEstimate(this.config, { kind, shape, spec }, this.theta, this.tasks, variants, s);
    return {
      plus: est.losses,
      minus: new Float64Array(est.losses),
      rejection: est.rejection,
      g: est.g,
      metaLoss: est.metaLoss,
    };
  }

  async evaluate(): Promise<HeldOutResult[]> {
    const learner = this.learner();
    return this.heldOut.evaluateWith(async (task, runs) => {
      const r = learnedBatchLearner(learner, task, runs);
      if (!r.ok) throw new Error(formatFieldError(r.error));
      return r.value;
    });
  }

  state(): LearnedTrainerSnapshot {
    return {
      step: this.stepsDone,
      rejected: this.rejectedSteps,
      params: new Float32Array(this.theta),
      optimizer: cloneAdam(this.adam),
    };
  }

  learner(): LearnedLearner {
    const { def, shape, spec } = this.target;
    return { kind: def.kind, shape, spec, params: new Float32Array(this.theta) };
  }

  checkpoint(): LearnedCheckpoint {
    return {
      config: this.config,
      step: this.stepsDone,
      rejected: this.rejectedSteps,
      learner: this.learner(),
      optimizer: cloneAdam(this.adam),
    };
  }

  restore(cp: LearnedCheckpoint): Result<true> {
    const diff = trajectoryDifference(cp.config, this.config);
    if (diff !== null)
      return fail(
        'mismatch',
        `config.${diff}`,
        'differs from the checkpoint (only steps, checkpointEvery and evaluation may change on resume)',
      );
    const P = this.theta.length;
    if (cp.learner.params.length !== P || cp.optimizer.m.length !== P || cp.optimizer.v.length !== P)
      return fail('shape', 'learner.params', `expected ${P} values`);
    this.theta = new Float32Array(cp.learner.params);
    this.adam = cloneAdam(cp.optimizer);
    this.stepsDone = cp.step;
    this.rejectedSteps = cp.rejected;
    return ok(true);
  }

  dispose(): void {
    this.cache.clear();
  }
}

/**
 * A learned learner's trainer at step 0. Opens every meta-training and held-out dataset through
 * `data` first; a task wider than the learner's shape (more inputs or classes) is refused, naming
 * the config field (tasks, evaluation.datasets[i]).
 */
export async function createLearnedTrainer(
  config: MetaConfig,
  data: DataProvider,
  options: LearnedTrainerOptions = {},
): Promise<Result<LearnedTrainer>> {
  const choice = learnedChoice(config.learner);
  if (!choice)
    return fail('unsupported', 'learner.kind', 'a VSML config: meta-train it with createTrainer (trainer.ts)');
  const def = learnedKindDef(choice.kind, 'learner.kind');
  if (!def.ok) return def;
  const target: LearnedTarget = { def: def.value, shape: choice.shape, spec: choice.spec };
  const P = def.value.layoutOf(choice.shape, choice.spec).size;
  if ((config.init === null) !== (options.initialParams === undefined)) {
    return fail(
      'init',
      'init',
      config.init === null
        ? 'initial parameters given but the config has no init'
        : `the learner ${config.init} was not loaded`,
    );
  }
  if (options.initialParams && options.initialParams.length !== P) {
    return fail(
      'shape',
      'init',
      `${config.init}: has ${options.initialParams.length} parameters, the config's ${choice.kind} learner needs ${P}`,
    );
  }
  const sources = new SourceCache(data);
  const tasks = await buildVariantTasks(config, taskVariants(config), sources);
  if (!tasks.ok) return tasks;
  const { inputSize: AL, numClasses: KL } = choice.shape;
  const wider = (A: number, K: number): string | null =>
    A > AL
      ? `${A} inputs, the ${choice.kind} learner reads ${AL} (learner.shape.inputSize; a learner without variable sharing is zero-padded, never cut)`
      : K > KL
        ? `${K} classes, the ${choice.kind} learner has ${KL} outputs (learner.shape.numClasses)`
        : null;
  for (const t of tasks.value) {
    const why = wider(t.task.inputSize, t.task.numClasses);
    if (why) return fail('shape', 'tasks', `variant ${t.variant.index} (${describeVariant(t.variant)}) has ${why}`);
  }
  const heldOut = await HeldOutSet.create(config.evaluation, sources);
  if (!heldOut.ok) return heldOut;
  for (const [i, s] of heldOut.value.engineShapes().entries()) {
    const why = wider(s.inputSize, s.numClasses);
    if (why) return fail('shape', `evaluation.datasets[${i}]`, `${config.evaluation.datasets[i].name} has ${why}`);
  }
  return ok(new EsLearnedTrainer(config, target, tasks.value, heldOut.value, options));
}
