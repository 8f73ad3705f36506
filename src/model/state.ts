// Per-run state V_L: for every layer, h and c of each sub-RNN (a, b).
// Two layouts, branded so they cannot be mixed up:
//   StateABJ: index (a * B + b) * N + j   (files, the CPU reference)
//   StateSoA: index (j * B + b) * A + a   (the GPU: consecutive threads = consecutive a)

declare const abjBrand: unique symbol;
declare const soaBrand: unique symbol;
export type StateABJ = Float32Array & { readonly [abjBrand]: true };
export type StateSoA = Float32Array & { readonly [soaBrand]: true };

export interface LayerShape {
  /** Inputs of the layer (rows of the grid). */
  readonly A: number;
  /** Outputs of the layer (columns of the grid). */
  readonly B: number;
}

export interface LayerState {
  readonly h: StateABJ;
  readonly c: StateABJ;
}

/** The state of one run: one LayerState per layer. */
export type RunState = readonly LayerState[];

export const asABJ = (a: Float32Array): StateABJ => a as StateABJ;
export const asSoA = (a: Float32Array): StateSoA => a as StateSoA;

export const layerShapes = (sizes: readonly number[]): LayerShape[] =>
  sizes.slice(0, -1).map((A, l) => ({ A, B: sizes[l + 1] }));

export function abjToSoA(x: StateABJ, { A, B }: LayerShape, N: number, out = new Float32Array(A * B * N)): StateSoA {
  for (let a = 0; a < A; a++)
    for (let b = 0; b < B; b++) for (let j = 0; j < N; j++) out[(j * B + b) * A + a] = x[(a * B + b) * N + j];
  return asSoA(out);
}

export function soaToABJ(x: StateSoA, { A, B }: LayerShape, N: number, out = new Float32Array(A * B * N)): StateABJ {
  for (let a = 0; a < A; a++)
    for (let b = 0; b < B; b++) for (let j = 0; j < N; j++) out[(a * B + b) * N + j] = x[(j * B + b) * A + a];
  return asABJ(out);
}

export const cloneRunState = (s: RunState): RunState =>
  s.map((l) => ({ h: asABJ(new Float32Array(l.h)), c: asABJ(new Float32Array(l.c)) }));
