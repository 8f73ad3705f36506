// The meta-training configuration: one typed record, its defaults, and the property tables that
// validate it (metaConfigParse.ts), name URL keys and label forms. Presets (presets.ts) are partial
// overlays on these defaults. docs/META_TRAINING.md has the table in prose.
import type { SplitName } from '../data/types';
import { DEFAULT_CONFIG, type VsmlConfig } from '../model/config';
import { FITNESS_SHAPINGS, type FitnessShaping } from '../model/es/shaping';
import type { LearnedKind, LearnedShape } from '../model/learners/learned';
import type { LearnedSpecValues } from '../model/learners/learnedSpec';
import type { DatasetRef } from './datasetRef';

export const ASSIGNMENTS = ['cycle', 'random'] as const;
/** How pairs get task variants each step: cycle = (step*P + p) mod V; random = a seeded draw per pair. */
export type Assignment = (typeof ASSIGNMENTS)[number];

export const METHODS = ['es', 'gradient', 'cma-es', 'clone-backprop'] as const;
/**
 * How V_M is meta-optimised: es = antithetic evolution strategies on engine rollouts (official
 * default); gradient = exact gradients through the unroll on the CPU (official
 * configs/backprop.yaml), `pairs` trajectories per step; cma-es = separable CMA-ES
 * (src/model/es/sepCma.ts) on the same engine rollouts, lambda = 2 * pairs mirrored candidates,
 * initial step size `sigma`; Adam's fields, clipNorm and fitnessShaping do not apply to it;
 * clone-backprop = learning-algorithm cloning of backprop (paper §3.2): Adam on the regression of one
 * sub-RNN tick onto the backprop rule of src/model/clone/backpropRule.ts, on random data
 * (src/model/clone/backpropClone.ts), cloneBatch cells per step; the model needs backwardPass, w and
 * b in c[0], c[1] (stateSize >= 4) and outputIndex 0; hidden layers need the deep curriculum
 * (cloneDeepFrom). Held-out evaluations run the cloned learner on engines as for the other methods.
 */
export type MetaMethod = (typeof METHODS)[number];

/** Methods whose steps run engine rollouts (es, cma-es); gradient and clone-backprop compute on the CPU. */
export const usesRollouts = (m: MetaMethod): boolean => m === 'es' || m === 'cma-es';

export const OBJECTIVES = ['meta-loss', 'final-loss', 'clone-sgd'] as const;
/**
 * What meta-training minimises: meta-loss = the mean online cross-entropy (the paper's); final-loss =
 * the mean cross-entropy of a rollout's last finalSteps predictions only, i.e. how well the learner
 * predicts after many inner steps (the improvement stage of a cloned learner; methods es and cma-es,
 * whose fitness it is); clone-sgd =
 * learning-algorithm cloning (paper §3.2): fed the errors of online SGD on a linear layer (learning
 * rate cloneLearningRate), every cell's message regressed onto w_ab x_a; method gradient only, no
 * hidden layers (src/model/clone/cellClone.ts).
 */
export type MetaObjective = (typeof OBJECTIVES)[number];

export const PROJECTIONS = ['fixed', 'per-step'] as const;
/**
 * fixed = one matrix per variant for the whole run (official: per MPI rank); per-step = a new one per pair per step.
 */
export type ProjectionMode = (typeof PROJECTIONS)[number];

/**
 * The meta-training task distribution, as axes whose cross product gives the task variants (the
 * official per-rank configs: mpi_split over rand_proj, resize, filter_classes, dataset). Variant v:
 *   project = project[v % nP], resize = resize[(v / nP) % nR], classes = classes[(v / (nP nR)) % nC],
 *   dataset = datasets[(v / (nP nR nC)) % nD], copy = v / (nP nR nC nD)   (integer divisions)
 * so V = nP nR nC nD * copies. Every variant has its own task seed (its projection matrix, Random's
 * examples); `copies` > 1 gives several fixed projections per combination, as the official ranks do.
 */
export interface TaskAxes {
  readonly datasets: readonly DatasetRef[];
  readonly project: readonly boolean[];
  /** Square sides; null = the dataset's own size. */
  readonly resize: readonly (number | null)[];
  /** Class subsets (relabelled 0..k-1); null = all classes. */
  readonly classes: readonly (readonly number[] | null)[];
  readonly copies: number;
  readonly assign: Assignment;
  readonly projection: ProjectionMode;
  /** The split meta-training reads (official: train). */
  readonly split: SplitName;
}

/** One held-out evaluation: R runs of T online predictions on a dataset the trainer may never have seen. */
export interface HeldOutSpec {
  /** Key in the log; default "<dataset>/<split>" plus the transforms. */
  readonly name: string;
  readonly dataset: DatasetRef;
  readonly split: SplitName;
  readonly resize: number | null;
  readonly project: boolean;
  readonly classes: readonly number[] | null;
  /** Task seed (projection matrix, Random's examples); default: evaluation.seed. */
  readonly taskSeed: number | null;
}

export interface EvaluationConfig {
  /** Evaluate every this many ES steps (and at step 0 and the last step); 0 = never. */
  readonly every: number;
  readonly steps: number;
  readonly runs: number;
  /** Seed of the initial states and the example orders (official: 22), the same at every evaluation. */
  readonly seed: number;
  readonly datasets: readonly HeldOutSpec[];
}

/**
 * What is meta-trained: VSML's V_M (the `model` field), or one of the paper's learned learners
 * without variable sharing (src/model/learners: Meta RNN, Hebbian, FWMemory), built for a fixed
 * `shape` (official pad.yaml: 784 inputs, 62 classes; every task is zero-padded to it) with `spec`
 * (every field of the kind's table). Learned kinds are meta-trained by method es or gradient
 * (src/meta/learnedTrainer.ts).
 */
export type LearnerChoice =
  | { readonly kind: 'vsml' }
  | { readonly kind: LearnedKind; readonly shape: LearnedShape; readonly spec: LearnedSpecValues };

/** The learner choice of a learned kind (narrowed), or null for VSML. */
export const learnedChoice = (c: LearnerChoice): Exclude<LearnerChoice, { kind: 'vsml' }> | null =>
  c.kind === 'vsml' ? null : c;

export interface MetaConfig {
  readonly seed: number;
  /** VSML (default) or a learned learner without variable sharing. */
  readonly learner: LearnerChoice;
  readonly method: MetaMethod;
  readonly objective: MetaObjective;
  /** Objective final-loss: the rollout's last this-many predictions make its fitness (at most trajectoryLength). */
  readonly finalSteps: number;
  /**
   * The cloned teacher's learning rate eta: objective clone-sgd, w <- w - eta x e on y = mean_a w x;
   * method clone-backprop, w <- w - eta tanh(x) delta, b <- b - eta delta in every layer.
   */
  readonly cloneLearningRate: number;
  /** Method clone-backprop: kappa, the state holds c[0] = w / kappa and c[1] = b / kappa. */
  readonly cloneWeightScale: number;
  /** Method clone-backprop: random cells per regression step. */
  readonly cloneBatch: number;
  /** Method clone-backprop: most ticks each cell runs under V_M itself before its regressed tick. */
  readonly cloneWarmup: number;
  /** Method clone-backprop: regressed ticks per cell, the gradient through all of them (1: one-step regression). */
  readonly cloneUnroll: number;
  /** Method clone-backprop: weight of the w and b errors against the messages' in the loss. */
  readonly cloneStateWeight: number;
  /**
   * Method clone-backprop: the step from which hidden-layer inputs and errors join the data (the deep curriculum); 0 =
   * never.
   */
  readonly cloneDeepFrom: number;
  /**
   * A vsml-learner file whose V_M starts the run (a learned kind: a file of that kind); null: the init from the seed.
   */
  readonly init: string | null;
  /** ES steps to run in total. */
  readonly steps: number;
  /** P antithetic pairs per step (2P rollouts); with method gradient, P trajectories. */
  readonly pairs: number;
  readonly sigma: number;
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly adamEps: number;
  /** Rescale the gradient estimate to at most this global L2 norm before Adam; 0 = never (official ES). */
  readonly clipNorm: number;
  /** T: online predictions per rollout; the fitness is their mean cross-entropy. */
  readonly trajectoryLength: number;
  readonly fitnessShaping: FitnessShaping;
  readonly checkpointEvery: number;
  readonly model: VsmlConfig;
  readonly tasks: TaskAxes;
  readonly evaluation: EvaluationConfig;
}

export const DEFAULT_HELD_OUT: Omit<HeldOutSpec, 'name' | 'dataset'> = {
  split: 'test',
  resize: null,
  project: false,
  classes: null,
  taskSeed: null,
};

export const DEFAULT_META_CONFIG: MetaConfig = {
  seed: 42,
  learner: { kind: 'vsml' },
  method: 'es',
  objective: 'meta-loss',
  finalSteps: 100,
  cloneLearningRate: 3,
  cloneWeightScale: 50,
  cloneBatch: 256,
  cloneWarmup: 16,
  cloneUnroll: 1,
  cloneStateWeight: 1,
  cloneDeepFrom: 0,
  init: null,
  steps: 10000,
  pairs: 128,
  sigma: 0.05,
  learningRate: 0.025,
  beta1: 0.9,
  beta2: 0.999,
  adamEps: 1e-8,
  clipNorm: 0,
  trajectoryLength: 500,
  fitnessShaping: 'none',
  checkpointEvery: 10,
  model: DEFAULT_CONFIG,
  tasks: {
    datasets: [{ name: 'mnist' }],
    project: [false, true],
    resize: [null],
    classes: [null],
    copies: 1,
    assign: 'cycle',
    projection: 'fixed',
    split: 'train',
  },
  evaluation: {
    every: 100,
    steps: 2000,
    runs: 32,
    seed: 22,
    datasets: [{ ...DEFAULT_HELD_OUT, name: 'mnist/test', dataset: { name: 'mnist' } }],
  },
};

/** One scalar setting: type, range, default and URL key. */
export interface MetaProp {
  readonly name: string;
  readonly kind: 'int' | 'number' | 'choice';
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly choices?: readonly string[];
  /** Short key for the studio's URL. */
  readonly url: string;
  readonly help: string;
}

const UINT32 = 0xffffffff;

/** Top-level scalars. */
export const META_PROPS: readonly MetaProp[] = [
  {
    name: 'seed',
    kind: 'int',
    min: 0,
    max: UINT32,
    url: 'seed',
    help: 'seed of the initial V_M, the noise, the tasks and the trajectories',
  },
  {
    name: 'method',
    kind: 'choice',
    choices: METHODS,
    url: 'method',
    help: 'es (official), gradient (through the unroll, on the CPU), cma-es (separable CMA-ES on rollouts) or clone-backprop (learning-algorithm cloning of backprop, on the CPU)',
  },
  {
    name: 'objective',
    kind: 'choice',
    choices: OBJECTIVES,
    url: 'obj',
    help: 'meta-loss (online cross-entropy), final-loss (cross-entropy of the last finalSteps predictions; es, cma-es) or clone-sgd (learning-algorithm cloning)',
  },
  {
    name: 'finalSteps',
    kind: 'int',
    min: 1,
    max: 100_000,
    url: 'final',
    help: 'final-loss: the last this-many predictions of each rollout make its fitness',
  },
  {
    name: 'cloneLearningRate',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1000,
    url: 'cloneLr',
    help: 'learning rate of the online SGD (clone-sgd) or backprop (clone-backprop) being cloned',
  },
  {
    name: 'cloneWeightScale',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1e4,
    url: 'cloneKappa',
    help: 'clone-backprop: the state holds w / kappa and b / kappa',
  },
  {
    name: 'cloneBatch',
    kind: 'int',
    min: 1,
    max: 65536,
    url: 'cloneB',
    help: 'clone-backprop: random cells per regression step',
  },
  {
    name: 'cloneWarmup',
    kind: 'int',
    min: 0,
    max: 1024,
    url: 'cloneWarm',
    help: 'clone-backprop: most ticks a cell runs under V_M before its regressed tick',
  },
  {
    name: 'cloneUnroll',
    kind: 'int',
    min: 1,
    max: 1024,
    url: 'cloneK',
    help: 'clone-backprop: regressed ticks per cell, the gradient through all of them',
  },
  {
    name: 'cloneStateWeight',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1e6,
    url: 'cloneSW',
    help: "clone-backprop: weight of the w and b errors (they accumulate over a run) against the messages'",
  },
  {
    name: 'cloneDeepFrom',
    kind: 'int',
    min: 0,
    max: 10_000_000,
    url: 'cloneDeep',
    help: 'clone-backprop: step from which hidden-layer data joins (deep curriculum); 0 = never',
  },
  { name: 'steps', kind: 'int', min: 0, max: 10_000_000, url: 'steps', help: 'meta-training steps in total' },
  {
    name: 'pairs',
    kind: 'int',
    min: 1,
    max: 65536,
    url: 'P',
    help: 'antithetic pairs per step (2P rollouts); trajectories with method gradient; cma-es: lambda / 2, at least 2',
  },
  {
    name: 'sigma',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 10,
    url: 'sigma',
    help: 'noise scale of the perturbations (cma-es: the initial step size)',
  },
  { name: 'learningRate', kind: 'number', min: 0, minExclusive: true, max: 10, url: 'lr', help: 'Adam learning rate' },
  { name: 'beta1', kind: 'number', min: 0, max: 1, maxExclusive: true, url: 'b1', help: 'Adam first-moment decay' },
  { name: 'beta2', kind: 'number', min: 0, max: 1, maxExclusive: true, url: 'b2', help: 'Adam second-moment decay' },
  {
    name: 'adamEps',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1,
    url: 'eps',
    help: 'Adam epsilon (outside the square root)',
  },
  {
    name: 'clipNorm',
    kind: 'number',
    min: 0,
    max: 1e6,
    url: 'clip',
    help: 'clip the gradient estimate to this global norm (0: never)',
  },
  { name: 'trajectoryLength', kind: 'int', min: 1, max: 100_000, url: 'T', help: 'online predictions per rollout' },
  {
    name: 'fitnessShaping',
    kind: 'choice',
    choices: FITNESS_SHAPINGS,
    url: 'shape',
    help: 'none (official) or centred ranks',
  },
  {
    name: 'checkpointEvery',
    kind: 'int',
    min: 1,
    max: 10_000_000,
    url: 'ckpt',
    help: 'write a checkpoint every this many steps',
  },
];

/** tasks.* scalars (the axes are lists, read separately). */
export const TASK_PROPS: readonly MetaProp[] = [
  {
    name: 'copies',
    kind: 'int',
    min: 1,
    max: 4096,
    url: 'copies',
    help: 'variants per axis combination, each with its own task seed',
  },
  {
    name: 'assign',
    kind: 'choice',
    choices: ASSIGNMENTS,
    url: 'assign',
    help: 'pairs to variants: cycle or a seeded random draw',
  },
  {
    name: 'projection',
    kind: 'choice',
    choices: PROJECTIONS,
    url: 'proj',
    help: 'projection matrices fixed per variant, or new per pair per step',
  },
  { name: 'split', kind: 'choice', choices: ['train', 'test'], url: 'split', help: 'split meta-training reads' },
];

/** evaluation.* scalars. */
export const EVALUATION_PROPS: readonly MetaProp[] = [
  {
    name: 'every',
    kind: 'int',
    min: 0,
    max: 10_000_000,
    url: 'evalEvery',
    help: 'evaluate every this many steps (0: never)',
  },
  { name: 'steps', kind: 'int', min: 1, max: 10_000_000, url: 'evalT', help: 'online predictions per evaluation run' },
  { name: 'runs', kind: 'int', min: 1, max: 4096, url: 'evalR', help: 'evaluation runs' },
  {
    name: 'seed',
    kind: 'int',
    min: 0,
    max: UINT32,
    url: 'evalSeed',
    help: 'seed of the evaluation states and example orders',
  },
];

/** Largest resize side and class-list length the axes accept (src/data's own limits apply too). */
export const MAX_SIDE = 512;
