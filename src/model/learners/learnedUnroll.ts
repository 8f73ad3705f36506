// The meta-loss of one online trajectory of a learned learner and its exact gradient with respect
// to the parameters, by backpropagation through the whole unroll (as the official code's
// value_and_grad would do: no truncation, no stop-gradient on the fed-back error). Each kind supplies
// one example's forward (recording a tape) and its reverse as an UnrollKernel (metaRnnGrad.ts,
// hebbianGrad.ts, fwMemoryGrad.ts); this file is the unroll they share.
//
// Checkpointed recomputation, as VSML's trajectoryGradient (src/model/grad): the forward pass keeps
// the carry (the state passed from one example to the next) of every `segment`-th example only
// (default ceil(sqrt T)); the reverse pass takes the segments last to first, recomputes each from its
// checkpoint recording one tape per example, then walks its tapes backwards. Memory is
// ceil(T / segment) carries plus `segment` tapes, for one more forward pass; the forward is
// deterministic, so every segment length gives the same bits.
import { defaultSegment } from '../grad/trajectoryGradient';
import type { FieldError } from '../result';
import type { LearnedShape } from './learned';

/** One stream of T examples: inputs [T][A], labels [T] in [0, K). */
export interface LearnedTrajectory {
  readonly inputs: Float32Array;
  readonly labels: ArrayLike<number>;
  readonly steps: number;
}

export interface LearnedGradient {
  /** Mean cross-entropy over the T online predictions (each made before its label is seen). */
  readonly loss: number;
  /** Online accuracy over the T predictions (argmax, first maximum). */
  readonly accuracy: number;
  /** d loss / d params [P] (float64, the kind's layout order); empty when only the loss was asked for. */
  readonly grad: Float64Array;
}

export interface UnrollOptions {
  /** false: the loss only, no reverse pass (default true). */
  readonly withGrad?: boolean;
  /** Examples between two kept carries (default ceil(sqrt T)); every value gives the same bits. */
  readonly segment?: number;
}

/** One kind's example as a differentiable map (carry before, params) -> (carry after, loss_t). */
export interface UnrollKernel {
  /** Numbers in the carry (the zero carry is a trajectory's start). */
  readonly carrySize: number;
  /** Numbers in one example's tape. */
  readonly tapeSize: number;
  /** P. */
  readonly paramCount: number;
  /**
   * Example t: advances `carry` in place, records into `tape` when given, returns its cross-entropy
   * and whether argmax ŷ is the label.
   */
  forward(t: number, carry: Float64Array, tape: Float64Array | null): { loss: number; correct: boolean };
  /**
   * The reverse of example t from its tape: `dCarry` holds the adjoint of the carry after it and is
   * overwritten by the adjoint of the carry before it; adds d(w · loss_t + dCarry · carry_after)/d params into `grad`.
   */
  backward(t: number, tape: Float64Array, dCarry: Float64Array, grad: Float64Array, w: number): void;
}

/** Why `params` and `traj` do not fit a kind of `size` parameters at `shape`, or null when they do. */
export function unrollInputError(
  shape: LearnedShape,
  size: number,
  params: ArrayLike<number>,
  traj: LearnedTrajectory,
): FieldError | null {
  const { inputSize: A, numClasses: K } = shape;
  const T = traj.steps;
  const bad = (field: string, message: string): FieldError => ({ code: 'shape', field, message });
  if (params.length !== size) return bad('params', `expected ${size} values, got ${params.length}`);
  for (let i = 0; i < size; i++)
    if (params[i] - params[i] !== 0) return { code: 'range', field: `params[${i}]`, message: `is ${params[i]}` };
  if (!(Number.isInteger(T) && T >= 1))
    return { code: 'range', field: 'steps', message: `must be a positive integer, got ${T}` };
  if (traj.inputs.length !== T * A)
    return bad('inputs', `expected ${T} x ${A} = ${T * A} values (one stream), got ${traj.inputs.length}`);
  if (traj.labels.length !== T) return bad('labels', `expected ${T} labels (one stream), got ${traj.labels.length}`);
  for (let t = 0; t < T; t++) {
    const y = traj.labels[t];
    if (!(Number.isInteger(y) && y >= 0 && y < K))
      return { code: 'range', field: `labels[${t}]`, message: `must be an integer in [0, ${K}), got ${y}` };
  }
  return null;
}

/** unrollInputError as a thrown Error naming `kind` (the per-kind entry points). */
export function checkUnrollInputs(
  kind: string,
  shape: LearnedShape,
  size: number,
  params: ArrayLike<number>,
  traj: LearnedTrajectory,
): void {
  const e = unrollInputError(shape, size, params, traj);
  if (e) throw new Error(`${kind}: ${e.field}: ${e.message}`);
}

/** Checks a segment length: an integer >= 1. */
function checkSegment(segment: number): void {
  if (!(Number.isInteger(segment) && segment >= 1))
    throw new RangeError(`segment: must be an integer >= 1, got ${segment}`);
}

/** The loss of T examples from the zero carry and, unless opts.withGrad is false, its gradient. */
export function unrollGradient(kernel: UnrollKernel, steps: number, opts: UnrollOptions = {}): LearnedGradient {
  const withGrad = opts.withGrad ?? true;
  const segment = opts.segment ?? defaultSegment(steps);
  checkSegment(segment);
  const T = steps;
  const carry = new Float64Array(kernel.carrySize);
  const checkpoints: Float64Array[] = [];
  let lossSum = 0;
  let correct = 0;
  for (let t = 0; t < T; t++) {
    if (withGrad && t % segment === 0) checkpoints.push(carry.slice());
    const r = kernel.forward(t, carry, null);
    lossSum += r.loss;
    if (r.correct) correct++;
  }
  const loss = lossSum / T;
  if (!withGrad) return { loss, accuracy: correct / T, grad: new Float64Array(0) };

  const grad = new Float64Array(kernel.paramCount);
  const dCarry = new Float64Array(kernel.carrySize);
  const tapes = Array.from({ length: Math.min(segment, T) }, () => new Float64Array(kernel.tapeSize));
  for (let s = checkpoints.length - 1; s >= 0; s--) {
    const first = s * segment;
    const end = Math.min(first + segment, T);
    carry.set(checkpoints[s]);
    for (let t = first; t < end; t++) kernel.forward(t, carry, tapes[t - first]);
    for (let t = end - 1; t >= first; t--) kernel.backward(t, tapes[t - first], dCarry, grad, 1 / T);
  }
  return { loss, accuracy: correct / T, grad };
}
