// The Hebbian fast-weight learner's spec and parameter layout (official models.py:363-496
// HebbianLinear + HebbianFW, configs/hebbian.yaml: use_oja True, tanh_bound 100). One plastic layer
// on x̃ = [x (A), aux1 (K), aux2 (K)], I = A + 2K rows:
//   w     [I][K]  slow weights W                         models.py:396-400
//   coeff [I][K]  per-weight plasticity coefficient C     models.py:401-402
//   fwLr  [1][1]  θ_η, the fast-weight rate η = σ(θ_η)     models.py:403-405
//   b     [1][K]  bias                                     models.py:411-414
// Matrices are stored as haiku holds them ([in][out], z = x̃ W + b), so every product and every
// fast-weight update runs along a contiguous row of K.
// P = 2·I·K + K + 1: at A=784, K=62 (I = 908) 112,655 parameters, the semantics doc's count.
// Only the Oja rule (the config's) is implemented; the plain Hebb rule (use_oja False) is not.
import { blockTaker, checkPositiveSizes, type LearnedBlock, type LearnedLayout, type LearnedShape } from './learned';
import { specDefaults, TANH_BOUND_PROP, type LearnedSpecProp, type LearnedSpecValues } from './learnedSpec';

export type HebbianSpec = {
  /** ŷ = tanhBound · tanh(z / tanhBound) on the prediction pass. */
  readonly tanhBound: number;
};

export const HEBBIAN_SPEC_PROPS: readonly LearnedSpecProp[] = [TANH_BOUND_PROP];

/** Official defaults: tanh bound 100. */
export const HEBBIAN_DEFAULTS = specDefaults(HEBBIAN_SPEC_PROPS) as HebbianSpec;

export interface HebbianLayout extends LearnedLayout {
  readonly shape: LearnedShape;
  readonly spec: HebbianSpec;
  /** I = A + 2K: rows of W, C and the fast weights F. */
  readonly rows: number;
  readonly w: LearnedBlock;
  readonly coeff: LearnedBlock;
  readonly fwLr: LearnedBlock;
  readonly b: LearnedBlock;
}

export function hebbianLayout(shape: LearnedShape, spec: HebbianSpec = HEBBIAN_DEFAULTS): HebbianLayout {
  const { inputSize: A, numClasses: K } = shape;
  checkPositiveSizes('hebbian', [
    ['inputSize', A],
    ['numClasses', K],
  ]);
  const I = A + 2 * K;
  const { take, size } = blockTaker();
  const w = take('w', I, K);
  const coeff = take('coeff', I, K);
  const fwLr = take('fwLr', 1, 1);
  const b = take('b', 1, K);
  return { shape, spec, rows: I, w, coeff, fwLr, b, blocks: [w, coeff, fwLr, b], size: size() };
}

/** A spec read through HEBBIAN_SPEC_PROPS as the typed spec. */
export const asHebbianSpec = (v: LearnedSpecValues): HebbianSpec => ({ tanhBound: v.tanhBound as number });
