// The FWMemory learner's spec and parameter layout (official models.py:540-606, configs/fwmemory.yaml,
// default.yaml:101-105; a Schlag et al.-style fast-weight memory beside an LSTM). H = slow size,
// m = memory size; the input of every example is [x (A), e_{t-1} (K), y_{t-1} (K)].
//   lstmW      [A+2K+H][4H]  hk.LSTM(H): one Linear over concat[input, h], gates i, g, f, o
//   lstmB      [1][4H]
//   writeW     [H][3m+1]     write head: k1, k2, v (m each), then β            models.py:562,585-587
//   writeB     [1][3m+1]
//   readW      [H][2m]       read head: n, e (m each)                          models.py:563,593
//   readB      [1][2m]
//   readProjW  [m][H]        the read vector back to H                         models.py:564,596
//   readProjB  [1][H]
//   readoutW   [H][K]        output_proj                                       models.py:561,599
//   readoutB   [1][K]
// (the LayerNorm has no parameters: create_scale and create_offset False, models.py:565.)
// Matrices are stored as haiku holds them ([in][out], y = x W + b), so every product is a sequence of
// contiguous row axpys. The order of the blocks is the data flow's (haiku would sort them by name).
// At A=784, K=62, H=32, m=16: 940 x 128 + 128 + 32 x 49 + 49 + 32 x 32 + 32 + 16 x 32 + 32 + 32 x 62
// + 62 = 125,711 parameters, the semantics doc's count.
import { blockTaker, checkPositiveSizes, type LearnedBlock, type LearnedLayout, type LearnedShape } from './learned';
import { hiddenProp, specDefaults, TANH_BOUND_PROP, type LearnedSpecProp, type LearnedSpecValues } from './learnedSpec';

export type FwMemorySpec = {
  /** H: LSTM units (official slow_size). */
  readonly hidden: number;
  /** m: the memory is m x m² (official memory_size). */
  readonly memorySize: number;
  /** y = tanhBound * tanh(z / tanhBound). */
  readonly tanhBound: number;
};

export const FW_MEMORY_SPEC_PROPS: readonly LearnedSpecProp[] = [
  hiddenProp(32),
  { name: 'memorySize', kind: 'int', default: 16, min: 1, max: 64, help: 'm: the fast-weight memory is m x m²' },
  TANH_BOUND_PROP,
];

/** Official defaults: H 32, m 16, tanh bound 100. */
export const FW_MEMORY_DEFAULTS = specDefaults(FW_MEMORY_SPEC_PROPS) as FwMemorySpec;

export interface FwMemoryLayout extends LearnedLayout {
  readonly shape: LearnedShape;
  readonly spec: FwMemorySpec;
  readonly lstmW: LearnedBlock;
  readonly lstmB: LearnedBlock;
  readonly writeW: LearnedBlock;
  readonly writeB: LearnedBlock;
  readonly readW: LearnedBlock;
  readonly readB: LearnedBlock;
  readonly readProjW: LearnedBlock;
  readonly readProjB: LearnedBlock;
  readonly readoutW: LearnedBlock;
  readonly readoutB: LearnedBlock;
}

export function fwMemoryLayout(shape: LearnedShape, spec: FwMemorySpec = FW_MEMORY_DEFAULTS): FwMemoryLayout {
  const { inputSize: A, numClasses: K } = shape;
  const { hidden: H, memorySize: m } = spec;
  checkPositiveSizes('fw-memory', [
    ['inputSize', A],
    ['numClasses', K],
    ['hidden', H],
    ['memorySize', m],
  ]);
  const { take, size } = blockTaker();
  const lstmW = take('lstmW', A + 2 * K + H, 4 * H);
  const lstmB = take('lstmB', 1, 4 * H);
  const writeW = take('writeW', H, 3 * m + 1);
  const writeB = take('writeB', 1, 3 * m + 1);
  const readW = take('readW', H, 2 * m);
  const readB = take('readB', 1, 2 * m);
  const readProjW = take('readProjW', m, H);
  const readProjB = take('readProjB', 1, H);
  const readoutW = take('readoutW', H, K);
  const readoutB = take('readoutB', 1, K);
  const blocks = [lstmW, lstmB, writeW, writeB, readW, readB, readProjW, readProjB, readoutW, readoutB];
  return {
    shape,
    spec,
    lstmW,
    lstmB,
    writeW,
    writeB,
    readW,
    readB,
    readProjW,
    readProjB,
    readoutW,
    readoutB,
    blocks,
    size: size(),
  };
}

/** A spec read through FW_MEMORY_SPEC_PROPS as the typed spec. */
export const asFwMemorySpec = (v: LearnedSpecValues): FwMemorySpec => ({
  hidden: v.hidden as number,
  memorySize: v.memorySize as number,
  tanhBound: v.tanhBound as number,
});
