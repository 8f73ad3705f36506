// The learning rule VSML is cloned from (paper §3.2, learning-algorithm cloning): online SGD on a
// linear layer in VSML's own parameterisation, y_b = mean_a w_ab x_a, w from 0. After each prediction
// the error e = softmax(y) - onehot(label) updates w_ab <- w_ab - eta x_a e_b, which is exactly what a
// VSML cell (a, b) can do with what it sees: x_a now, and e_b with the next example.
import {
  checkBlock,
  runExamples,
  type BlockResult,
  type EngineSpec,
  type RunOptions,
  type StreamBlock,
} from '../engine';

export class SgdTeacher {
  /** [S][A][K] weights of every run. */
  readonly w: Float64Array;
  private readonly y: Float64Array;
  private readonly p: Float64Array;

  constructor(
    readonly spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>,
    readonly learningRate: number,
  ) {
    this.w = new Float64Array(spec.runs * spec.inputSize * spec.numClasses);
    this.y = new Float64Array(spec.numClasses);
    this.p = new Float64Array(spec.numClasses);
  }

  get runs(): number {
    return this.spec.runs;
  }

  reset(): void {
    this.w.fill(0);
  }

  /** y = mean_a w_ab x_a of run s (into `out` when given, else an internal buffer). */
  predict(s: number, x: ArrayLike<number>, xOff: number, out: Float64Array = this.y): Float64Array {
    const { inputSize: A, numClasses: K } = this.spec;
    out.fill(0);
    const base = s * A * K;
    for (let a = 0; a < A; a++) {
      const xa = x[xOff + a];
      if (xa === 0) continue;
      for (let b = 0; b < K; b++) out[b] += this.w[base + a * K + b] * xa;
    }
    for (let b = 0; b < K; b++) out[b] /= A;
    return out;
  }

  /** One online step of run s: predict, then learn from the label. Returns loss, correctness and e. */
  step(
    s: number,
    x: ArrayLike<number>,
    xOff: number,
    label: number,
    err: Float64Array = this.p,
  ): { loss: number; correct: boolean } {
    const { inputSize: A, numClasses: K } = this.spec;
    const y = this.predict(s, x, xOff);
    let max = -Infinity;
    let arg = 0;
    for (let b = 0; b < K; b++) if (y[b] > max) [max, arg] = [y[b], b];
    let sum = 0;
    for (let b = 0; b < K; b++) sum += err[b] = Math.exp(y[b] - max);
    for (let b = 0; b < K; b++) err[b] = err[b] / sum - (b === label ? 1 : 0);
    const base = s * A * K;
    const eta = this.learningRate;
    for (let a = 0; a < A; a++) {
      const xa = x[xOff + a];
      if (xa === 0) continue;
      for (let b = 0; b < K; b++) this.w[base + a * K + b] -= eta * xa * err[b];
    }
    return { loss: Math.log(sum) + max - y[label], correct: arg === label };
  }

  /** Every run over a block (the evaluation protocol's learner). */
  run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
    const map = checkBlock(this.spec, block);
    if (!map.ok) throw new Error(map.error.message);
    const A = this.spec.inputSize;
    return runExamples(this.spec, block, { ...opts, outputs: false }, (s, i) =>
      this.step(s, block.inputs, i * A, block.labels[i]),
    );
  }
}
