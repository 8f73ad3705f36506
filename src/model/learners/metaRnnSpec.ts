// The Meta RNN's spec and parameter layout (official models.py:249-297, configs/metarnn.yaml,
// default.yaml:82-86; Hochreiter et al. 2001). The core is haiku's hk.LSTM(H): one Linear over
// concat[input, h] -> 4H gates in the order i, g, f, o; the input of every example is
// [x (A), e_{t-1} (K), y_{t-1} (K)]. A readout Linear(H -> K) follows.
//   lstmW    [A+2K+H][4H]  rows: x 0..A-1, e A..A+K-1, previous label A+K..A+2K-1, h A+2K..; cols i, g, f, o (H each)
//   lstmB    [1][4H]
//   readoutW [H][K]
//   readoutB [1][K]
// Matrices are stored as haiku holds them ([in][out], y = x W + b): the gate sum is a sequence of
// contiguous row axpys, one per non-zero input.
// At A=784, K=62, H=128: 1036 x 512 + 512 + 128 x 62 + 62 = 538,942 parameters.
import { blockTaker, checkPositiveSizes, type LearnedBlock, type LearnedLayout, type LearnedShape } from './learned';
import { hiddenProp, specDefaults, TANH_BOUND_PROP, type LearnedSpecProp, type LearnedSpecValues } from './learnedSpec';

export type MetaRnnSpec = {
  /** H: LSTM units (official slow_size). */
  readonly hidden: number;
  /** LSTM steps per example, each on the same input (official num_micro_ticks). */
  readonly microTicks: number;
  /** y = tanhBound * tanh(z / tanhBound). */
  readonly tanhBound: number;
};

export const META_RNN_SPEC_PROPS: readonly LearnedSpecProp[] = [
  hiddenProp(128),
  { name: 'microTicks', kind: 'int', default: 2, min: 1, max: 16, help: 'LSTM steps per example, same input each' },
  TANH_BOUND_PROP,
];

/** Official defaults: H 128, 2 micro-ticks, tanh bound 100. */
export const META_RNN_DEFAULTS = specDefaults(META_RNN_SPEC_PROPS) as MetaRnnSpec;

export interface MetaRnnLayout extends LearnedLayout {
  readonly shape: LearnedShape;
  readonly spec: MetaRnnSpec;
  readonly lstmW: LearnedBlock;
  readonly lstmB: LearnedBlock;
  readonly readoutW: LearnedBlock;
  readonly readoutB: LearnedBlock;
}

export function metaRnnLayout(shape: LearnedShape, spec: MetaRnnSpec = META_RNN_DEFAULTS): MetaRnnLayout {
  const { inputSize: A, numClasses: K } = shape;
  const H = spec.hidden;
  checkPositiveSizes('meta-rnn', [
    ['inputSize', A],
    ['numClasses', K],
    ['hidden', H],
  ]);
  const { take, size } = blockTaker();
  const lstmW = take('lstmW', A + 2 * K + H, 4 * H);
  const lstmB = take('lstmB', 1, 4 * H);
  const readoutW = take('readoutW', H, K);
  const readoutB = take('readoutB', 1, K);
  return { shape, spec, lstmW, lstmB, readoutW, readoutB, blocks: [lstmW, lstmB, readoutW, readoutB], size: size() };
}

/** A spec read through META_RNN_SPEC_PROPS as the typed spec. */
export const asMetaRnnSpec = (v: LearnedSpecValues): MetaRnnSpec => ({
  hidden: v.hidden as number,
  microTicks: v.microTicks as number,
  tanhBound: v.tanhBound as number,
});
