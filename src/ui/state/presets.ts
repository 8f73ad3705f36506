// One-click views a lecturer can open and share as a URL: each preset is a set of settings over the
// defaults, so its link is just those settings in the query string.
import { DEFAULT_SETTINGS, settingsToUrl, type StudioSettings } from './urlSettings';

export interface Preset {
  readonly id: string;
  readonly title: string;
  /** What it shows, in a sentence, with the paper's figure where there is one. */
  readonly blurb: string;
  readonly settings: Partial<StudioSettings>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'fast-association',
    title: 'Fast association',
    blurb: 'Fig. 9: MNIST episodes of two digits per class, each shown twice. Watch the strip: wrong the first time, right with high confidence the next.',
    settings: { stream: 'association', fresh: true, speed: 4 },
  },
  {
    id: 'mnist-to-fashion',
    title: 'MNIST to Fashion-MNIST',
    blurb: 'Fig. 6: the learner meta-trained on MNIST learns Fashion-MNIST, which it never saw (2,000 built-in test images; load the full IDX files from your disk for more).',
    settings: { dataset: 'fashion-mnist' },
  },
  {
    id: 'sum-sign',
    title: 'Unseen task: Sum Sign',
    blurb: 'Is the sum of the inputs positive? A task unlike any digit: fresh random inputs every step.',
    settings: { dataset: 'sum-sign' },
  },
  {
    id: 'shuffled-pixels',
    title: 'Shuffled pixels',
    blurb: 'MNIST with a fixed random permutation of the pixels: VSML is invariant to the order of its inputs, so it learns as fast.',
    settings: { shuffle: true },
  },
  {
    id: 'five-classes',
    title: 'Unseen: 5 classes',
    blurb: 'Digits 0 to 4 only: a number of classes the learner was never meta-trained on.',
    settings: { classes: [0, 1, 2, 3, 4] },
  },
];

export const presetSettings = (p: Preset): StudioSettings => ({ ...DEFAULT_SETTINGS, ...p.settings });

/** The preset's shareable query string (without "?"). */
export const presetQuery = (p: Preset): string => settingsToUrl(presetSettings(p));

/** The preset whose settings the current session settings are, ignoring the view (speed, heatmap). */
export function matchPreset(s: StudioSettings): Preset | null {
  const key = (x: StudioSettings) => settingsToUrl({ ...x, layer: 0, vector: 'c', j: 0, norm: 'class', logX: false, speed: Infinity, present: false, quiz: 'off' });
  return PRESETS.find((p) => key(presetSettings(p)) === key(s)) ?? null;
}
