// What a meta-training run has recorded, for frames and the autosave: the meta-loss of every step
// (NaN for a rejected step, and for the steps before `from` when the run continues a checkpoint that
// came without its history), the rejected steps, and the held-out evaluations with their curves.
import type { HeldOutResult } from '../../meta/heldOut';

export interface EvaluationResult {
  /** Cumulative online accuracy at the end (mean over runs). */
  readonly accuracy: number;
  /** Mean cumulative accuracy after each example. */
  readonly curve: Float64Array;
  /** Mean cross-entropy over all runs and examples. */
  readonly loss: number;
}

export interface EvaluationRecord {
  readonly step: number;
  readonly results: { readonly [name: string]: EvaluationResult };
}

/** Beta of the smoothed loss curve. */
export const SMOOTHING_BETA = 0.9;

/**
 * The exponential moving average of `losses` with Adam's bias correction: after the k-th finite
 * value x_k, m_k = beta m_{k-1} + (1 - beta) x_k (m_0 = 0) and the entry is m_k / (1 - beta^k).
 * NaN entries (rejected or unknown steps) stay NaN and do not enter the average.
 */
export function smoothLosses(losses: ArrayLike<number>, beta = SMOOTHING_BETA): Float64Array {
  const out = new Float64Array(losses.length);
  let m = 0;
  let power = 1;
  for (let i = 0; i < losses.length; i++) {
    const x = losses[i];
    if (Number.isNaN(x)) {
      out[i] = NaN;
      continue;
    }
    m = beta * m + (1 - beta) * x;
    power *= beta;
    out[i] = m / (1 - power);
  }
  return out;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const orNaN = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class TrainerHistory {
  private readonly losses: number[] = [];
  private readonly rejections: { readonly step: number; readonly reason: string }[] = [];
  private readonly evaluations: EvaluationRecord[] = [];

  /** `from`: steps before it have no recorded loss (a checkpoint resumed without its history). */
  constructor(readonly from = 0) {
    for (let i = 0; i < from; i++) this.losses.push(NaN);
  }

  /** Steps recorded (the next step is steps + 1). */
  get steps(): number {
    return this.losses.length;
  }

  /** "step 7 rejected: pair 3: L- is NaN" for the last rejected step, or null. */
  get lastRejection(): string | null {
    const last = this.rejections[this.rejections.length - 1];
    return last ? `step ${last.step} rejected: ${last.reason}` : null;
  }

  /** Step `step` (1-based, the next one): its meta-loss, or why it was rejected. */
  addStep(step: number, metaLoss: number | null, rejection: string | null): void {
    if (step !== this.losses.length + 1)
      throw new Error(`history: step ${step} recorded after step ${this.losses.length}`);
    this.losses.push(metaLoss ?? NaN);
    if (rejection !== null) this.rejections.push({ step, reason: rejection });
  }

  addEvaluation(step: number, results: readonly HeldOutResult[]): void {
    const byName: { [name: string]: EvaluationResult } = {};
    for (const r of results)
      byName[r.name] = { accuracy: r.atEnd.mean, curve: new Float64Array(r.curve), loss: r.loss };
    this.evaluations.push({ step, results: byName });
  }

  hasEvaluation(step: number): boolean {
    return this.evaluations.some((e) => e.step === step);
  }

  /** Fresh arrays (a frame hands them over, transferred). */
  frameArrays(): {
    losses: Float64Array;
    lossesSmoothed: Float64Array;
    rejectedSteps: Int32Array;
    evaluations: EvaluationRecord[];
  } {
    const losses = Float64Array.from(this.losses);
    return {
      losses,
      lossesSmoothed: smoothLosses(losses),
      rejectedSteps: Int32Array.from(this.rejections, (r) => r.step),
      evaluations: this.evaluations.map((e) => ({
        step: e.step,
        results: Object.fromEntries(
          Object.entries(e.results).map(([name, r]) => [name, { ...r, curve: new Float64Array(r.curve) }]),
        ),
      })),
    };
  }

  /** JSON for the autosave (non-finite numbers as null). */
  toJson(): Record<string, unknown> {
    return {
      from: this.from,
      losses: this.losses.map(finiteOrNull),
      rejections: this.rejections.map((r) => ({ ...r })),
      evaluations: this.evaluations.map((e) => ({
        step: e.step,
        results: Object.fromEntries(
          Object.entries(e.results).map(([name, r]) => [
            name,
            {
              accuracy: finiteOrNull(r.accuracy),
              loss: finiteOrNull(r.loss),
              curve: Array.from(r.curve, finiteOrNull),
            },
          ]),
        ),
      })),
    };
  }

  /**
   * The history saved beside a checkpoint at step `step`, cut back to it; null when it is not a
   * history this code wrote or holds fewer steps (the caller then starts one at `step`).
   */
  static fromJson(v: unknown, step: number): TrainerHistory | null {
    if (!isRecord(v) || !Array.isArray(v.losses) || !Array.isArray(v.rejections) || !Array.isArray(v.evaluations))
      return null;
    const from = v.from;
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 0 || from > step || v.losses.length < step)
      return null;
    const h = new TrainerHistory(from);
    const reasons = new Map<number, string>();
    for (const r of v.rejections)
      if (isRecord(r) && typeof r.step === 'number' && typeof r.reason === 'string') reasons.set(r.step, r.reason);
    for (let s = from + 1; s <= step; s++) {
      const x = v.losses[s - 1];
      const reason = reasons.get(s);
      if (reason === undefined && typeof x !== 'number') return null;
      h.addStep(s, reason === undefined ? (x as number) : null, reason ?? null);
    }
    for (const e of v.evaluations) {
      if (!isRecord(e) || typeof e.step !== 'number' || e.step > step || !isRecord(e.results)) continue;
      const results: { [name: string]: EvaluationResult } = {};
      for (const [name, r] of Object.entries(e.results)) {
        if (!isRecord(r) || !Array.isArray(r.curve)) continue;
        results[name] = { accuracy: orNaN(r.accuracy), loss: orNaN(r.loss), curve: Float64Array.from(r.curve, orNaN) };
      }
      h.evaluations.push({ step: e.step, results });
    }
    return h;
  }
}
