// One-click views a lecturer can open and share as a URL: each preset is a set of settings over the
// defaults, so its link is just those settings in the query string.
import { DEFAULT_SETTINGS, settingsToUrl, type StudioSettings } from './urlSettings';

export interface Preset {
  readonly id: string;
  readonly title: string;
  /** What it shows, in a sentence, with the paper's figure where there is one. */
  readonly blurb: string;
  /**
   * What to expect and why, in one line, with numbers measured by `vsml evaluate` on the preset's task
   * (docs/STUDIO.md, "Presets: what to expect"); undefined where none is measured yet.
   */
  readonly expect?: string;
  /**
   * What to watch, in plain words, where a preset sets up a comparison whose numbers are not measured
   * yet: it says what to look at, never a promised result.
   */
  readonly watch?: string;
  /** VSML does worse than the baselines here: the page says so plainly, not as a showcase. */
  readonly vsmlBehind?: boolean;
  readonly settings: Partial<StudioSettings>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'fast-association',
    title: 'Fast association',
    blurb:
      'Fig. 9: episodes of 20 steps, one MNIST digit of each class, each shown twice, every episode from a fresh learner. Watch the strip: a first showing is a guess, the second is right.',
    expect:
      'VSML gets 1.00 of second showings right (first showings 0.05, chance is 0.1); so does plain SGD nearly (0.94, deep 0.98), while Adam fails to adapt in 20 steps (0.45, deep 0.79): the paper compares with Adam. 32 runs, 10 episodes (docs/EVALUATION.md).',
    settings: { stream: 'association', fresh: true, speed: 4 },
  },
  {
    id: 'mnist-to-fashion',
    title: 'MNIST to Fashion-MNIST',
    blurb:
      'Fig. 6: the learner meta-trained on MNIST learns Fashion-MNIST, which it never saw (2,000 built-in test images; load the full IDX files from your disk for more).',
    expect:
      'A narrow lead: 0.57 for VSML after 300 examples against 0.51 to 0.56 for SGD and Adam (the deep nets within one standard deviation). VSML was meta-trained on digits only; its learning rule carries over to pictures of clothes it never saw.',
    settings: { dataset: 'fashion-mnist' },
  },
  {
    id: 'sum-sign',
    title: 'Unseen task: Sum Sign',
    blurb: 'Is the sum of the inputs positive? A task unlike any digit: fresh random inputs every step.',
    expect:
      'VSML loses here. After 300 examples it is right 0.70 of the time; SGD and Adam are right 0.96 to 0.98. Meta-trained on digits, VSML never learned to add up all its inputs, while plain gradient descent solves a task this simple at once.',
    vsmlBehind: true,
    settings: { dataset: 'sum-sign' },
  },
  {
    id: 'shuffled-pixels',
    title: 'Shuffled pixels',
    blurb:
      'MNIST with a fixed random permutation of the pixels: VSML is invariant to the order of its inputs, so it learns as fast.',
    expect:
      'VSML ahead: 0.66 after 300 examples against 0.57 to 0.62 for SGD and Adam. Every sub-RNN runs the same rule, so the pixel order does not matter to VSML; it does not to the baselines either (a dense layer has no notion of neighbouring pixels), so both score as on plain MNIST.',
    settings: { shuffle: true },
  },
  {
    id: 'five-classes',
    title: 'Unseen: 5 classes',
    blurb: 'Digits 0 to 4 only: a number of classes the learner was never meta-trained on.',
    expect:
      'A close race: 0.85 for VSML after 300 examples against 0.82 to 0.85 for SGD and Adam. The same shared rule runs at every output, so five outputs work as well as the ten it was meta-trained with.',
    settings: { classes: [0, 1, 2, 3, 4] },
  },
  {
    id: 'why-share',
    title: 'Why share variables?',
    blurb:
      'Paper §4.4 (Fig. 6 and 8): VSML and a Meta RNN, both meta-trained on MNIST, learn Fashion-MNIST (2,000 built-in test images). The Meta RNN is a learned learner too, but with its own weight for every input and output instead of one small rule shared by every connection.',
    watch:
      "Both were meta-trained on MNIST digits only. Watch the Meta RNN's line beside VSML's: the paper found that without shared variables a learner learns its training data rather than how to learn, and falls behind on clothes it never saw. The two lines show whether this pair does.",
    settings: { dataset: 'fashion-mnist', learned: ['meta-rnn-mnist'], baselines: [] },
  },
];

export const presetSettings = (p: Preset): StudioSettings => ({ ...DEFAULT_SETTINGS, ...p.settings });

/** The preset's shareable query string (without "?"). */
export const presetQuery = (p: Preset): string => settingsToUrl(presetSettings(p));

/** The preset whose settings the current session settings are, ignoring the view (speed, heatmap). */
export function matchPreset(s: StudioSettings): Preset | null {
  const key = (x: StudioSettings) =>
    settingsToUrl({
      ...x,
      layer: 0,
      vector: 'c',
      j: 0,
      norm: 'class',
      logX: false,
      speed: Infinity,
      present: false,
      quiz: 'off',
    });
  return PRESETS.find((p) => key(presetSettings(p)) === key(s)) ?? null;
}
