// What "explain this step" shows: one example through one run of the VSML grid, every stage with the
// CPU reference's own numbers (src/model/explain.ts computes it; reference.ts's tickNetwork gives the
// same outputs and states bit for bit). Layouts follow the reference: states [a][b][j], messages
// [row][m], gates [micro-tick][a][b][gate][j] with gates in the order i, f, o, g (activations, after
// the shifts and squashing). With config.backwardPass an example is two ticks: `layers` is the forward
// tick (the prediction), `reverseTick` the reverse tick that follows it (reference.ts reverseTick).
import type { LayerState } from './state';

/** Gate order inside ExplainedLayer.gates (per cell: 4 x N values). */
export const EXPLAIN_GATES = ['i', 'f', 'o', 'g'] as const;
export type ExplainGate = (typeof EXPLAIN_GATES)[number];

export interface ExplainedLayer {
  /** Grid shape: A inputs (rows) x B outputs (columns). */
  readonly A: number;
  readonly B: number;
  /** [A][M] forward message into row a (layer 0: [x_a, 0, ..., 0]; later layers: the previous layer's fwdOut). */
  readonly fwdIn: Float32Array;
  /**
   * [B][M] backward message into column b. Forward tick: the last layer's is the error injection of the
   * previous example, a hidden layer's the next layer's bwdOut of the previous example (zero with
   * backwardPass). Reverse tick: the last layer's is this example's error injection, a hidden layer's
   * the next layer's reverse-tick bwdOut.
   */
  readonly bwdIn: Float32Array;
  /** h and c of every cell before the example ([A][B][N]). */
  readonly before: LayerState;
  /** After each micro-tick: [microTicks] states ([A][B][N] each); the last one is the state after the example. */
  readonly ticks: readonly LayerState[];
  /** [microTicks][A][B][4][N] gate activations i, f, o, g (sigmoid/tanh outputs), every cell, every micro-tick. */
  readonly gates: Float32Array;
  /** [B][M] mean over a of the cells' forward messages W_f h + b_f (the next layer's input, or the output). */
  readonly fwdOut: Float32Array;
  /**
   * [A][M] mean over b of the cells' backward messages W_b h + b_b (the previous layer's backward input at the next
   * example; in a reverse tick, at once).
   */
  readonly bwdOut: Float32Array;
}

export interface Explanation {
  /** Which example of run 0's stream this is (0-based: examples the session had seen before it). */
  readonly example: number;
  /** [A] the example's inputs, as the engine reads them (after the data path's transforms). */
  readonly input: Float32Array;
  readonly label: number;
  /** M and N of the learner, and its micro-ticks and output bound. */
  readonly messageSize: number;
  readonly stateSize: number;
  readonly microTicks: number;
  readonly tanhBound: number;
  /** Which forward-message dimension is read out. */
  readonly outputIndex: number;
  readonly layers: readonly ExplainedLayer[];
  /** [K] the read-out dimension of the last layer's fwdOut, before the squash. */
  readonly messages: Float32Array;
  /** [K] y = tanhBound * tanh(message / tanhBound): the logits. */
  readonly y: Float32Array;
  /** [K] softmax(y): the prediction, made before the label is seen. */
  readonly probabilities: Float32Array;
  readonly predicted: number;
  readonly loss: number;
  /**
   * [K] e = softmax(y) - onehot(label): the error that enters every column's backward message at the next example (with
   * backwardPass: in this example's reverse tick).
   */
  readonly error: Float32Array;
  /**
   * Per layer, [B][M] the backward input the next example will read (error injection on top, bwdOut of the layer above
   * below; all zero with backwardPass).
   */
  readonly nextBwdIn: readonly Float32Array[];
  /**
   * With config.backwardPass (official `backward_pass`): the reverse tick that follows the forward
   * tick within this example (reference.ts reverseTick), one entry per layer in layer order, computed
   * from the last layer down. Layer l starts from its state after the forward tick (`before` =
   * layers[l]'s last tick), reads the same fwdIn, and as bwdIn the error injection (last layer) or
   * reverseTick[l + 1].bwdOut; its fwdOut is computed and discarded. Its last tick is the layer's
   * state after the example. null without backwardPass.
   */
  readonly reverseTick: readonly ExplainedLayer[] | null;
}

/** A drawing from the pad: grey pixels, 0 (paper) to 255 (ink), row-major. */
export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray;
}
