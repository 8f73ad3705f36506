// The form's property table: every field the trainer form edits, by its path in the meta-config
// document (the path check() names), with its label, kind and help. The form is drawn from it and a
// refused field's message is placed beside its input through `formFieldOf`. Ranges are the worker's:
// the form shows what check() says. Pure (no DOM).

export type FieldKind =
  'int' | 'number' | 'choice' | 'sides' | 'class-subsets' | 'project' | 'datasets' | 'eval-datasets';

export interface FormField {
  /** Path in the document, e.g. "tasks.resize". */
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly section: 'run' | 'tasks' | 'evaluation';
  readonly help: string;
  readonly choices?: readonly string[];
  /** The <input step> of a number. */
  readonly step?: string;
}

export const FORM_FIELDS: readonly FormField[] = [
  {
    key: 'method',
    label: 'method',
    kind: 'choice',
    section: 'run',
    choices: ['es', 'gradient', 'cma-es', 'clone-backprop'],
    help: 'evolution strategies on engine rollouts, gradients through the unroll (CPU), separable CMA-ES on engine rollouts, or cloning backprop into one sub-RNN tick (CPU; the model needs backwardPass, outputIndex 0)',
  },
  {
    key: 'pairs',
    label: 'population (pairs)',
    kind: 'int',
    section: 'run',
    help: 'P antithetic pairs per step: 2P rollouts (P trajectories with gradient)',
  },
  {
    key: 'objective',
    label: 'objective',
    kind: 'choice',
    section: 'run',
    choices: ['meta-loss', 'final-loss', 'clone-sgd'],
    help: 'the mean online cross-entropy, that of the last predictions only (es, cma-es), or cloning online SGD (gradient)',
  },
  {
    key: 'sigma',
    label: 'sigma',
    kind: 'number',
    section: 'run',
    step: '0.01',
    help: 'noise scale of the perturbations (cma-es: its initial step size)',
  },
  {
    key: 'learningRate',
    label: 'learning rate',
    kind: 'number',
    section: 'run',
    step: '0.001',
    help: 'Adam learning rate (es, gradient; cma-es sets its own steps)',
  },
  {
    key: 'trajectoryLength',
    label: 'trajectory length T',
    kind: 'int',
    section: 'run',
    help: 'online predictions per rollout; the fitness is their mean cross-entropy',
  },
  {
    key: 'finalSteps',
    label: 'final predictions',
    kind: 'int',
    section: 'run',
    help: 'objective final-loss: the last this-many predictions of each rollout make its fitness',
  },
  {
    key: 'cloneLearningRate',
    label: 'cloned learning rate',
    kind: 'number',
    section: 'run',
    step: '0.1',
    help: 'clone-sgd, clone-backprop: the learning rate eta of the SGD or backprop being cloned',
  },
  {
    key: 'cloneWeightScale',
    label: 'weight scale kappa',
    kind: 'number',
    section: 'run',
    step: '1',
    help: 'clone-backprop: the state holds w / kappa and b / kappa',
  },
  {
    key: 'cloneBatch',
    label: 'cells per step',
    kind: 'int',
    section: 'run',
    help: 'clone-backprop: random sub-RNNs regressed per step',
  },
  {
    key: 'cloneWarmup',
    label: 'warm-up ticks',
    kind: 'int',
    section: 'run',
    help: 'clone-backprop: most ticks a cell runs under V_M before its regressed tick (its own state distribution)',
  },
  {
    key: 'cloneUnroll',
    label: 'regressed ticks',
    kind: 'int',
    section: 'run',
    help: "clone-backprop: ticks per cell on which the teacher's targets are regressed, the gradient through all of them",
  },
  {
    key: 'cloneStateWeight',
    label: 'state weight',
    kind: 'number',
    section: 'run',
    step: '1',
    help: "clone-backprop: weight of the w and b errors, which accumulate over a run, against the messages'",
  },
  {
    key: 'cloneDeepFrom',
    label: 'deep from step',
    kind: 'int',
    section: 'run',
    help: 'clone-backprop: the step from which hidden-layer inputs and errors join (deep curriculum); 0 = never',
  },
  { key: 'steps', label: 'steps', kind: 'int', section: 'run', help: 'meta-training steps in total' },
  {
    key: 'seed',
    label: 'seed',
    kind: 'int',
    section: 'run',
    help: 'seed of the initial V_M, the noise, the tasks and the trajectories',
  },
  {
    key: 'checkpointEvery',
    label: 'save every',
    kind: 'int',
    section: 'run',
    help: 'steps between checkpoints (saved in this browser)',
  },
  {
    key: 'tasks.datasets',
    label: 'datasets',
    kind: 'datasets',
    section: 'tasks',
    help: 'the meta-training datasets (built in, generated, or IDX/CIFAR files from disk)',
  },
  {
    key: 'tasks.project',
    label: 'projection',
    kind: 'project',
    section: 'tasks',
    help: 'tasks with the raw inputs, with a random projection of them, or both',
  },
  {
    key: 'tasks.resize',
    label: 'resize sides',
    kind: 'sides',
    section: 'tasks',
    help: 'square sides, comma-separated; "none" = the dataset\'s own size. Input size A = side²',
  },
  {
    key: 'tasks.classes',
    label: 'class subsets',
    kind: 'class-subsets',
    section: 'tasks',
    help: 'class lists separated by ";", e.g. "0,1,2; 3,4"; "all" = every class',
  },
  {
    key: 'evaluation.datasets',
    label: 'held-out datasets',
    kind: 'eval-datasets',
    section: 'evaluation',
    help: 'evaluated at step 0, every few steps and at the end',
  },
  {
    key: 'evaluation.every',
    label: 'every (steps)',
    kind: 'int',
    section: 'evaluation',
    help: 'steps between evaluations; 0 = never',
  },
  { key: 'evaluation.runs', label: 'runs', kind: 'int', section: 'evaluation', help: 'runs per evaluation' },
  {
    key: 'evaluation.steps',
    label: 'examples per run',
    kind: 'int',
    section: 'evaluation',
    help: 'online predictions per evaluation run',
  },
  {
    key: 'evaluation.seed',
    label: 'seed',
    kind: 'int',
    section: 'evaluation',
    help: 'seed of the evaluation states and example orders',
  },
];

/** Where a refusal about `field` belongs: the form field whose key is the longest prefix of it, or null (the JSON). */
export function formFieldOf(field: string, keys: readonly string[] = FORM_FIELDS.map((f) => f.key)): string | null {
  let best: string | null = null;
  for (const k of keys) {
    const under = field === k || field.startsWith(`${k}.`) || field.startsWith(`${k}[`);
    if (under && (best === null || k.length > best.length)) best = k;
  }
  return best;
}

/** The input size A of each resize side: 7 -> 49; null -> null (the dataset's own). Non-numbers are skipped. */
export function inputSizes(sides: unknown): (number | null)[] {
  if (!Array.isArray(sides)) return [];
  return sides
    .filter((s) => s === null || (typeof s === 'number' && Number.isInteger(s) && s > 0))
    .map((s) => (s === null ? null : s * s));
}
