// haiku's LSTM cell update as the Meta RNN and the FWMemory run it (official models.py:270,560;
// haiku recurrent.py), from the gate pre-activations [i, g, f, o] (4H) of one step:
//   c' = σ(f + 1) c + σ(i) tanh(g),  h' = σ(o) tanh(c')          (haiku's forget bias +1)
// lstmGrad.ts holds the recording version and its reverse for the gradients.

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** One cell step: h and c [H] at `off` advance in place from `gates` [4H]. */
export function lstmCellStep(gates: Float64Array, H: number, h: Float64Array, c: Float64Array, off: number): void {
  for (let k = 0; k < H; k++) {
    const cNew = sigmoid(gates[2 * H + k] + 1) * c[off + k] + sigmoid(gates[k]) * Math.tanh(gates[H + k]);
    c[off + k] = cNew;
    h[off + k] = sigmoid(gates[3 * H + k]) * Math.tanh(cNew);
  }
}
