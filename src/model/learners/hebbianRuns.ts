// R runs of the Hebbian fast-weight learner over a stream (official models.py:363-496, Oja rule).
// Per example, with F the run's fast weights (zero at the start of a trajectory):
//   1. prediction pass, aux = 0:  z = [x, 0, 0]·(W + C⊙F) + b,  ŷ = 100 tanh(z/100) (recorded);
//      e = softmax(ŷ) − onehot(y)                                           models.py:484-488
//   2. plasticity pass, x̃ = [x, e, onehot(y)]: z' = x̃·(W + C⊙F) + b (F as in pass 1), then
//      s = softmax(z') — of the raw z', the tanh bound is applied outside the layer — and Oja:
//      F_ij ← F_ij + η s_j (x̃_i − s_j F_ij), η = σ(θ_η)             models.py:409-421,428-429,490-491
// Both passes read the same F, so the x rows of z are computed once and pass 2 adds the aux rows.
// Zero inputs are skipped in the products (exact); the Oja step touches every row (it decays F).
// W, C, F are [I][K] row-major, so every product and update runs along a contiguous row of K.
// Parameters and F float32 (F is I·K numbers per run), sums float64. Batch size 1: the official mean
// of the update over the batch (models.py:421) is the update itself.
import { runExamples, type BlockResult, type ExampleResult, type RunOptions, type StreamBlock } from '../engine';
import { feedbackHead, feedbackScratch, type FeedbackScratch } from './errorFeedback';
import type { LearnedRuns, LearnedShape } from './learned';
import { HEBBIAN_DEFAULTS, hebbianLayout, type HebbianLayout, type HebbianSpec } from './hebbianSpec';
import { RunParams } from './runParams';

export class HebbianRuns implements LearnedRuns {
  readonly kind = 'hebbian' as const;
  readonly layout: HebbianLayout;
  readonly paramCount: number;
  /** [R][I][K] fast weights F. */
  readonly fast: Float32Array;
  private readonly params: RunParams;
  private readonly zx: Float64Array;
  private readonly z: Float64Array;
  private readonly a: Float64Array;
  private readonly d: Float64Array;
  private readonly head: FeedbackScratch;
  /** Up to four non-zero inputs (row, value) summed in one pass. */
  private readonly nzRow = new Int32Array(4);
  private readonly nzVal = new Float64Array(4);

  constructor(
    readonly shape: LearnedShape,
    readonly runs: number,
    readonly spec: HebbianSpec = HEBBIAN_DEFAULTS,
  ) {
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`hebbian: runs must be a positive integer, got ${runs}`);
    const K = shape.numClasses;
    this.layout = hebbianLayout(shape, spec);
    this.paramCount = this.layout.size;
    this.params = new RunParams('hebbian', this.paramCount, runs);
    this.fast = new Float32Array(runs * this.layout.rows * K);
    this.zx = new Float64Array(K);
    this.z = new Float64Array(K);
    this.a = new Float64Array(K);
    this.d = new Float64Array(K);
    this.head = feedbackScratch(K);
  }

  setParams(params: readonly Float32Array[]): void {
    this.params.set(params);
  }

  resetState(): void {
    this.fast.fill(0);
  }

  run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
    const A = this.shape.inputSize;
    const spec = { inputSize: A, numClasses: this.shape.numClasses, runs: this.runs };
    return runExamples(spec, block, opts, (r, i, outputs, outOffset) => {
      const res = this.step(r, block.inputs, i * A, block.labels[i]);
      if (outputs) outputs.set(this.head.y, outOffset);
      return res;
    });
  }

  /** One example for run r: x is A values of `inputs` at `xOff`. ŷ is left in the head scratch. */
  private step(r: number, inputs: Float32Array, xOff: number, label: number): ExampleResult {
    const L = this.layout;
    const A = this.shape.inputSize;
    const K = this.shape.numClasses;
    const p = this.params.values;
    const base = this.params.base(r);
    const W = base + L.w.offset;
    const C = base + L.coeff.offset;
    const F = this.fast;
    const f0 = r * L.rows * K;
    const { zx, z, a, d } = this;
    zx.fill(0);
    let i = 0;
    for (;;) {
      // The next four non-zero inputs go through (W + C⊙F) together: one pass over the accumulator.
      let n = 0;
      for (; i < A && n < 4; i++) {
        const xi = inputs[xOff + i];
        if (xi !== 0) {
          this.nzRow[n] = i;
          this.nzVal[n++] = xi;
        }
      }
      if (n === 4) this.addRows4(W, C, f0, zx);
      else {
        for (let q = 0; q < n; q++) this.addRow(this.nzVal[q], this.nzRow[q], W, C, f0, zx);
        break;
      }
    }
    const b = base + L.b.offset;
    for (let j = 0; j < K; j++) z[j] = zx[j] + p[b + j];
    const res = feedbackHead(z, K, L.spec.tanhBound, label, this.head);
    const e = this.head.e;
    for (let k = 0; k < K; k++) if (e[k] !== 0) this.addRow(e[k], A + k, W, C, f0, zx);
    this.addRow(1, A + K + label, W, C, f0, zx);
    let max = -Infinity;
    for (let j = 0; j < K; j++) {
      z[j] = zx[j] + p[b + j];
      if (z[j] > max) max = z[j];
    }
    let sum = 0;
    for (let j = 0; j < K; j++) sum += z[j] = Math.exp(z[j] - max);
    const eta = 1 / (1 + Math.exp(-p[base + L.fwLr.offset]));
    for (let j = 0; j < K; j++) {
      const s = z[j] / sum;
      a[j] = eta * s;
      d[j] = 1 - eta * s * s;
    }
    // F_ij ← F_ij (1 − η s_j²) + η s_j x̃_i, row by row of x̃ = [x, e, onehot(label)].
    for (let i = 0; i < L.rows; i++) {
      const xi = i < A ? inputs[xOff + i] : i < A + K ? e[i - A] : i === A + K + label ? 1 : 0;
      const row = f0 + i * K;
      if (xi === 0) for (let j = 0; j < K; j++) F[row + j] *= d[j];
      else for (let j = 0; j < K; j++) F[row + j] = F[row + j] * d[j] + a[j] * xi;
    }
    return res;
  }

  /** acc[j] += Σ_q nzVal[q] · (W + C⊙F)[nzRow[q]][j] for the four rows in nzRow. */
  private addRows4(W: number, C: number, f0: number, acc: Float64Array): void {
    const K = this.shape.numClasses;
    const p = this.params.values;
    const F = this.fast;
    const { nzRow, nzVal } = this;
    const o0 = nzRow[0] * K;
    const o1 = nzRow[1] * K;
    const o2 = nzRow[2] * K;
    const o3 = nzRow[3] * K;
    const v0 = nzVal[0];
    const v1 = nzVal[1];
    const v2 = nzVal[2];
    const v3 = nzVal[3];
    for (let j = 0; j < K; j++) {
      acc[j] +=
        v0 * (p[W + o0 + j] + p[C + o0 + j] * F[f0 + o0 + j]) +
        v1 * (p[W + o1 + j] + p[C + o1 + j] * F[f0 + o1 + j]) +
        v2 * (p[W + o2 + j] + p[C + o2 + j] * F[f0 + o2 + j]) +
        v3 * (p[W + o3 + j] + p[C + o3 + j] * F[f0 + o3 + j]);
    }
  }

  /** acc[j] += v · (W + C⊙F)[i][j]. */
  private addRow(v: number, i: number, W: number, C: number, f0: number, acc: Float64Array): void {
    const K = this.shape.numClasses;
    const p = this.params.values;
    const F = this.fast;
    const o = i * K;
    for (let j = 0; j < K; j++) acc[j] += v * (p[W + o + j] + p[C + o + j] * F[f0 + o + j]);
  }
}
