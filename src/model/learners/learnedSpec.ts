// A learned kind's spec as data: the few sizes and constants that fix its architecture (the Meta
// RNN's H, micro-ticks and tanh bound), described by a property table like CONFIG_PROPS of
// src/model/config.ts. The learner file (src/model/formats/learnedLearner.ts) reads a spec through
// its kind's table, so every kind's spec is checked, defaulted and named the same way.
import type { LearnedLayout, LearnedRuns, LearnedShape } from './learned';

/** A spec's values by property name. */
export type LearnedSpecValues = Readonly<Record<string, number | boolean>>;

/** One row of a kind's spec table. */
export interface LearnedSpecProp {
  readonly name: string;
  readonly kind: 'int' | 'number' | 'boolean';
  readonly default: number | boolean;
  /** Inclusive bounds for 'int' and 'number'. */
  readonly min?: number;
  readonly max?: number;
  readonly help: string;
}

/** What the learner file needs of a kind beyond LearnedKindDef: its spec table and the layout of any valid spec. */
export interface LearnedKindSpec {
  readonly specProps: readonly LearnedSpecProp[];
  /** The parameter layout for `spec` (every field present and within specProps' ranges). */
  layoutOf(shape: LearnedShape, spec: LearnedSpecValues): LearnedLayout;
  /** The official initialisation for `spec` from `seed` (init is the default spec's). */
  initOf(shape: LearnedShape, spec: LearnedSpecValues, seed: number): Float32Array;
  /** R runs of the kind with `spec` (a file's spec; createRuns is the default spec's). */
  runsOf(shape: LearnedShape, spec: LearnedSpecValues, runs: number): LearnedRuns;
}

/** The defaults of a table as a spec. */
export const specDefaults = (props: readonly LearnedSpecProp[]): LearnedSpecValues =>
  Object.fromEntries(props.map((p) => [p.name, p.default]));

/** The spec row of the LSTM kinds' H (the Meta RNN's default 128, the FWMemory's 32). */
export const hiddenProp = (defaultH: number): LearnedSpecProp => ({
  name: 'hidden',
  kind: 'int',
  default: defaultH,
  min: 1,
  max: 4096,
  help: 'H: LSTM units',
});

/** The spec row every kind shares: the output bound B, default 100 (official tanh_bound). */
export const TANH_BOUND_PROP: LearnedSpecProp = {
  name: 'tanhBound',
  kind: 'number',
  default: 100,
  min: 1,
  max: 1e6,
  help: 'output bound B: y = B tanh(z / B)',
};
