// Where each parameter of an online baseline network lives: one flat Float32Array per run,
// layer after layer, each as W^T [out][in] row-major then b [out]. (haiku's Linear computes
// y = x W + b with W [in][out]; storing the transpose makes every output one contiguous dot
// product and every row update one contiguous axpy.)
//   sizes [A, ...hidden, K]: shallow = [A, K], deep = [A, 160, K].

export interface DenseBlock {
  /** Inputs of the layer (n: columns of the stored W^T). */
  readonly inputs: number;
  /** Outputs of the layer (m: rows of the stored W^T). */
  readonly outputs: number;
  /** Offset of W^T [outputs][inputs] in a run's parameters: weight (in i -> out o) at w + o * inputs + i. */
  readonly w: number;
  /** Offset of b [outputs] in a run's parameters. */
  readonly b: number;
}

export interface MlpLayout {
  /** [A, ...hidden, K]. */
  readonly sizes: readonly number[];
  readonly layers: readonly DenseBlock[];
  /** Parameters per run. */
  readonly size: number;
}

export function mlpLayout(sizes: readonly number[]): MlpLayout {
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`mlp: sizes must be at least two positive integers, got [${sizes.join(', ')}]`);
  }
  const layers: DenseBlock[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    layers.push({ inputs, outputs, w: offset, b: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  }
  return { sizes: [...sizes], layers, size: offset };
}
