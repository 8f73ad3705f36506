// Meta-training presets, one record each: the title and blurb the trainer page shows, and the config, a
// partial overlay on DEFAULT_META_CONFIG written as the fields of a vsml-meta-config file would be (so
// it goes through the same validation). A config file names one with "preset": its own fields then
// override the preset's (tasks, evaluation and model merge one level deep; lists replace).

export type PresetName = 'paper-fig6' | 'quick-demo' | 'cold-demo' | 'clone-demo' | 'clone-backprop-demo';

export interface MetaPreset {
  /** The trainer page's name for it. */
  readonly title: string;
  /** What it does and what to expect, in a few sentences. */
  readonly blurb: string;
  /** The fields it sets over DEFAULT_META_CONFIG. */
  readonly config: Readonly<Record<string, unknown>>;
}

export const PRESETS: { readonly [N in PresetName]: MetaPreset } = {
  /**
   * Fig. 6 of the paper (official configs/rand_proj.yaml on configs/default.yaml): MNIST train, half
   * the pairs raw and half randomly projected, 1024 pairs, sigma 0.05, Adam 0.025, T = 500,
   * 10,000 steps from seed 42; evaluated every 100 steps, 32 runs x 2,000 steps, seed 22. Built-in
   * MNIST here (8,000 train / 2,000 test digits); a config file can point at the full IDX files.
   * An official-scale job: 2,048 rollouts of a 784 x 10 grid per step.
   */
  'paper-fig6': {
    title: 'Paper, Fig. 6 (ES, official scale)',
    blurb:
      'The official configuration: MNIST, half the pairs randomly projected, 1,024 pairs x 500 examples, 10,000 steps. An official-scale job: a single step takes minutes even on a GPU.',
    config: {
      seed: 42,
      steps: 10000,
      pairs: 1024,
      sigma: 0.05,
      learningRate: 0.025,
      trajectoryLength: 500,
      fitnessShaping: 'none',
      checkpointEvery: 10,
      tasks: {
        datasets: ['mnist'],
        project: [false, true],
        resize: [null],
        classes: [null],
        copies: 1,
        assign: 'cycle',
        projection: 'fixed',
        split: 'train',
      },
      evaluation: { every: 100, steps: 2000, runs: 32, seed: 22, datasets: [{ dataset: 'mnist', split: 'test' }] },
    },
  },
  /**
   * The meta-loss visibly falls within a minute, even on a CPU-only WebGPU (SwiftShader): ES on the
   * engine from the shipped cloned learner (public/learners/vsml-clone-sgd.learner.json, stage 1 of
   * the default learner; a path in the package: the CLI reads it from the package's folder whatever
   * the working directory (src/cli/configPaths.ts), the browser fetches it from the app) on 7x7 MNIST, classes 0-2, +-
   * projection: 16 pairs, sigma 0.01, Adam 0.003, T = 30.
   * Measured (docs/META_TRAINING.md): 60 steps in 38 s on SwiftShader, meta-loss 0.921 -> 0.852.
   */
  'quick-demo': {
    title: 'Quick demo (ES, the loss falls in a minute)',
    blurb:
      'ES on 7x7 MNIST, classes 0-2, with and without a random projection, from the shipped learner cloned from online SGD: 16 pairs x 30 examples, sigma 0.01. On a CPU-only WebGPU the meta-loss fell from 0.92 to 0.85 in 60 steps (38 s); a laptop GPU is faster.',
    config: {
      seed: 42,
      init: 'public/learners/vsml-clone-sgd.learner.json',
      steps: 300,
      pairs: 16,
      sigma: 0.01,
      learningRate: 0.003,
      trajectoryLength: 30,
      checkpointEvery: 10,
      tasks: {
        datasets: ['mnist'],
        project: [false, true],
        resize: [7],
        classes: [[0, 1, 2]],
        copies: 1,
        assign: 'cycle',
        projection: 'fixed',
        split: 'train',
      },
      evaluation: {
        every: 20,
        steps: 50,
        runs: 16,
        seed: 22,
        datasets: [{ dataset: 'mnist', split: 'test', resize: 7, classes: [0, 1, 2] }],
      },
    },
  },
  /**
   * The same small task from the official initialisation instead (no init): it exercises every part
   * of the ES trainer, but at this scale its meta-loss stays at ln 3 (measured in docs/META_TRAINING.md):
   * ES from scratch needs the paper's population and steps.
   */
  'cold-demo': {
    title: 'Cold start (ES from the official initialisation)',
    blurb:
      "The same small task from the official initialisation: 8 pairs x 50 examples, 300 steps. It exercises the whole ES trainer, but at this scale the meta-loss stays near ln 3 (docs/META_TRAINING.md): ES from scratch needs the paper's population and steps.",
    config: {
      seed: 42,
      steps: 300,
      pairs: 8,
      trajectoryLength: 50,
      checkpointEvery: 10,
      tasks: {
        datasets: ['mnist'],
        project: [false, true],
        resize: [7],
        classes: [[0, 1, 2]],
        copies: 1,
        assign: 'cycle',
        projection: 'fixed',
        split: 'train',
      },
      evaluation: {
        every: 25,
        steps: 100,
        runs: 16,
        seed: 22,
        datasets: [{ dataset: 'mnist', split: 'test', resize: 7, classes: [0, 1, 2] }],
      },
    },
  },
  /**
   * Learning-algorithm cloning in minutes on a laptop CPU (the first stage of the shipped default
   * learner, configs/meta/default-learner-1-clone.json): gradients through the unroll, every cell's
   * message regressed onto online SGD's (eta 0.5) on 5x5 MNIST, 10 classes, +- projection; 8
   * trajectories of T = 30, Adam 0.01. Held-out 7x7 MNIST accuracy over the first 100 examples
   * rises from chance within about 200 steps.
   */
  'clone-demo': {
    title: 'Clone online SGD (gradients)',
    blurb:
      'Learning-algorithm cloning (paper section 3.2): gradients through the unroll regress every cell onto online SGD on 5x5 MNIST, 10 classes; held-out accuracy rises from chance within about 200 steps.',
    config: {
      seed: 42,
      method: 'gradient',
      objective: 'clone-sgd',
      cloneLearningRate: 0.5,
      steps: 400,
      pairs: 8,
      learningRate: 0.01,
      clipNorm: 0,
      trajectoryLength: 30,
      checkpointEvery: 25,
      tasks: {
        datasets: ['mnist'],
        project: [false, true],
        resize: [5],
        classes: [null],
        copies: 1,
        assign: 'cycle',
        projection: 'fixed',
        split: 'train',
      },
      evaluation: {
        every: 50,
        steps: 100,
        runs: 16,
        seed: 22,
        datasets: [{ dataset: 'mnist', split: 'test', resize: 7 }],
      },
    },
  },
  /**
   * Learning-algorithm cloning of backprop (paper §3.2, Fig. 4/5): Adam on the regression of one sub-RNN
   * tick onto online backprop (eta 2, kappa 5) on random cells, 256 per step, a 16-dim sub-RNN with the
   * reverse tick (backwardPass); held-out: the cloned learner on MNIST test (784 inputs), 4 runs x 200.
   * The first 3,000 steps of configs/meta/clone-backprop-shallow.json, with a smaller batch.
   */
  'clone-backprop-demo': {
    title: 'Clone backprop into one sub-RNN tick (regression)',
    blurb:
      'Learning-algorithm cloning of backprop (paper section 3.2, Fig. 4/5): each sub-RNN keeps w and b in its state and learns the forward pass tanh(x) w + b, the backward error and the updates, by regression on random cells (256 per step). The held-out runs use the cloned learner with a reverse tick after every example, on the CPU.',
    config: {
      seed: 42,
      method: 'clone-backprop',
      cloneLearningRate: 2,
      cloneWeightScale: 5,
      cloneBatch: 256,
      cloneWarmup: 16,
      steps: 3000,
      learningRate: 0.002,
      checkpointEvery: 100,
      model: { stateSize: 16, outputIndex: 0, backwardPass: true },
      tasks: {
        datasets: ['mnist'],
        project: [false],
        resize: [null],
        classes: [null],
        copies: 1,
        assign: 'cycle',
        projection: 'fixed',
        split: 'train',
      },
      evaluation: { every: 500, steps: 200, runs: 4, seed: 22, datasets: [{ dataset: 'mnist', split: 'test' }] },
    },
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export const isPresetName = (s: unknown): s is PresetName =>
  typeof s === 'string' && (PRESET_NAMES as string[]).includes(s);
