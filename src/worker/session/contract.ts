// The replies of the studio worker's "explain this step" and drawing-pad calls (SessionApi.explainNext,
// peek, teach, reproduce): types only, so the page imports them without the worker's code. Every
// refusal is a value {ok: false, message} whose message starts with what it concerns ("explain: ...",
// "drawing: ...", "label: ...", "reproduce: ...").
import type { Explanation } from '../../model/explainTypes';

export type { Drawing, Explanation, ExplainedLayer, ExplainGate } from '../../model/explainTypes';
export { EXPLAIN_GATES } from '../../model/explainTypes';

export type Refusal = { readonly ok: false; readonly message: string };

/**
 * explainNext(): run 0's explanation of the example the session just took (computed by
 * src/model/explain.ts from run 0's state read back from the engine; with backwardPass both ticks,
 * the reverse one in explanation.reverseTick), and `agreement`: the largest |difference| between the
 * explanation's final h, c (statesAfter: after the reverse tick with backwardPass) and outputs y and
 * the engine's own after the step (0 on the CPU reference; float32 rounding on WebGPU and the fast
 * CPU engine). A refusal leaves the session where it was.
 */
export type ExplainReply =
  | {
      readonly ok: true;
      readonly explanation: Explanation;
      readonly agreement: number;
      /**
       * The example's index in reproduce()'s stream (run 0's examples since its initial state, taught
       * drawings included): the T of `vsml trace --explain T`. It differs from explanation.example (the
       * stream examples the session had seen) once a drawing was taught or a fresh episode began.
       */
      readonly traceIndex: number;
    }
  | Refusal;

/** Run 0's prediction for one input, made before any label is seen. */
export interface Prediction {
  /** [A] the drawing after the session's data path (the task's transforms and normalisation). */
  readonly input: Float32Array;
  /** [K] softmax of run 0's outputs. */
  readonly probabilities: Float32Array;
  /** Argmax of `probabilities` (the first maximum). */
  readonly predicted: number;
}

/** peek(drawing): what run 0 predicts now, changing nothing. teach(drawing, label): the prediction it made before it saw the label. */
export type PeekReply = ({ readonly ok: true } & Prediction) | Refusal;
export type TeachReply = PeekReply;

/**
 * reproduce(): what `vsml trace --state STATE --stream STREAM` needs to recompute run 0 from its
 * initial state: the two documents as text (vsml-stream: run 0's examples in order, taught drawings
 * included; vsml-state: its initial h and c).
 */
export type ReproduceReply =
  | {
      readonly ok: true;
      readonly stream: string;
      readonly state: string;
      /** Examples in the stream document (stream examples + taught drawings). */
      readonly examples: number;
      /** Of them, taught drawings. */
      readonly taught: number;
    }
  | Refusal;
