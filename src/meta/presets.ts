// Meta-training presets: partial overlays on DEFAULT_META_CONFIG, written as the fields of a
// vsml-meta-config file would be (so they go through the same validation). A config file names one
// with "preset": its own fields then override the preset's (tasks, evaluation and model merge one
// level deep; lists replace).

export type PresetName = 'paper-fig6' | 'quick-demo' | 'cold-demo' | 'clone-demo' | 'clone-backprop-demo';

export const PRESETS: { readonly [N in PresetName]: Readonly<Record<string, unknown>> } = {
  /**
   * Fig. 6 of the paper (official configs/rand_proj.yaml on configs/default.yaml): MNIST train, half
   * the pairs raw and half randomly projected, 1024 pairs, sigma 0.05, Adam 0.025, T = 500,
   * 10,000 steps from seed 42; evaluated every 100 steps, 32 runs x 2,000 steps, seed 22. Built-in
   * MNIST here (8,000 train / 2,000 test digits); a config file can point at the full IDX files.
   * An official-scale job: 2,048 rollouts of a 784 x 10 grid per step.
   */
  'paper-fig6': {
    seed: 42,
    steps: 10000,
    pairs: 1024,
    sigma: 0.05,
    learningRate: 0.025,
    trajectoryLength: 500,
    fitnessShaping: 'none',
    checkpointEvery: 10,
    tasks: { datasets: ['mnist'], project: [false, true], resize: [null], classes: [null], copies: 1, assign: 'cycle', projection: 'fixed', split: 'train' },
    evaluation: { every: 100, steps: 2000, runs: 32, seed: 22, datasets: [{ dataset: 'mnist', split: 'test' }] },
  },
  /**
   * The meta-loss visibly falls within a minute, even on a CPU-only WebGPU (SwiftShader): ES on the
   * engine from the shipped cloned learner (public/learners/vsml-clone-sgd.learner.json, stage 1 of
   * the default learner; a path in the package: the CLI reads it from the package's folder whatever
   * the working directory (src/cli/configPaths.ts), the browser fetches it from the app) on 7x7 MNIST, classes 0-2, +- projection: 16 pairs, sigma 0.01, Adam 0.003, T = 30.
   * Measured (docs/META_TRAINING.md): 60 steps in 38 s on SwiftShader, meta-loss 0.921 -> 0.852.
   */
  'quick-demo': {
    seed: 42,
    init: 'public/learners/vsml-clone-sgd.learner.json',
    steps: 300,
    pairs: 16,
    sigma: 0.01,
    learningRate: 0.003,
    trajectoryLength: 30,
    checkpointEvery: 10,
    tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], copies: 1, assign: 'cycle', projection: 'fixed', split: 'train' },
    evaluation: {
      every: 20, steps: 50, runs: 16, seed: 22,
      datasets: [{ dataset: 'mnist', split: 'test', resize: 7, classes: [0, 1, 2] }],
    },
  },
  /**
   * The same small task from the official initialisation instead (no init): it exercises every part
   * of the ES trainer, but at this scale its meta-loss stays at ln 3 (measured in docs/META_TRAINING.md):
   * ES from scratch needs the paper's population and steps.
   */
  'cold-demo': {
    seed: 42,
    steps: 300,
    pairs: 8,
    trajectoryLength: 50,
    checkpointEvery: 10,
    tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], copies: 1, assign: 'cycle', projection: 'fixed', split: 'train' },
    evaluation: {
      every: 25, steps: 100, runs: 16, seed: 22,
      datasets: [{ dataset: 'mnist', split: 'test', resize: 7, classes: [0, 1, 2] }],
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
    tasks: { datasets: ['mnist'], project: [false, true], resize: [5], classes: [null], copies: 1, assign: 'cycle', projection: 'fixed', split: 'train' },
    evaluation: { every: 50, steps: 100, runs: 16, seed: 22, datasets: [{ dataset: 'mnist', split: 'test', resize: 7 }] },
  },
  /**
   * Learning-algorithm cloning of backprop (paper §3.2, Fig. 4/5): Adam on the regression of one sub-RNN
   * tick onto online backprop (eta 2, kappa 5) on random cells, 256 per step, a 16-dim sub-RNN with the
   * reverse tick (backwardPass); held-out: the cloned learner on MNIST test (784 inputs), 4 runs x 200.
   * The first 3,000 steps of configs/meta/clone-backprop-shallow.json, with a smaller batch.
   */
  'clone-backprop-demo': {
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
    tasks: { datasets: ['mnist'], project: [false], resize: [null], classes: [null], copies: 1, assign: 'cycle', projection: 'fixed', split: 'train' },
    evaluation: { every: 500, steps: 200, runs: 4, seed: 22, datasets: [{ dataset: 'mnist', split: 'test' }] },
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export const isPresetName = (s: unknown): s is PresetName => typeof s === 'string' && (PRESET_NAMES as string[]).includes(s);
