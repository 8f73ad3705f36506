// Meta-training presets: partial overlays on DEFAULT_META_CONFIG, written as the fields of a
// vsml-meta-config file would be (so they go through the same validation). A config file names one
// with "preset": its own fields then override the preset's (tasks, evaluation and model merge one
// level deep; lists replace).

export type PresetName = 'paper-fig6' | 'quick-demo' | 'gradient-demo';

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
   * Small enough that the meta-loss visibly falls within minutes on a laptop CPU: built-in MNIST
   * resized to 7x7 (A = 49) with three classes, with and without projection, 8 pairs, T = 50.
   * (VSML does not fix the input size or the class count, so the learner runs on any task.)
   */
  'quick-demo': {
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
   * The quick-demo task by gradients through the unroll (official configs/backprop.yaml: Adam 1e-3,
   * global-norm clip 25), 16 trajectories of T = 50 per step on the CPU.
   */
  'gradient-demo': {
    seed: 42,
    method: 'gradient',
    steps: 300,
    pairs: 16,
    learningRate: 1e-3,
    clipNorm: 25,
    trajectoryLength: 50,
    checkpointEvery: 10,
    tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]], copies: 1, assign: 'cycle', projection: 'fixed', split: 'train' },
    evaluation: {
      every: 25, steps: 100, runs: 16, seed: 22,
      datasets: [{ dataset: 'mnist', split: 'test', resize: 7, classes: [0, 1, 2] }],
    },
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export const isPresetName = (s: unknown): s is PresetName => typeof s === 'string' && (PRESET_NAMES as string[]).includes(s);
