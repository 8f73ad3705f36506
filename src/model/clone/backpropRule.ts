// The learning rule cloned into VSML by learning-algorithm cloning of backprop (paper §3.2, Fig. 4/5):
// what every sub-RNN (a, b) of a layer should do in one tick, given what it sees there, the input
// x = fwdIn_a[0] and the error delta = bwdIn_b[0].
//
// Two cell-state dimensions are the weight and the bias, scaled: c[0] = w_ab / kappa, c[1] = b_b /
// kappa (every cell of column b keeps its own copy of b_b; the layer's bias is their mean over a).
// With t = tanh(x), the cell should
//   send forward   [t w + b, 0, ..., 0]            (mean over a: the layer's pre-activation, linear
//                                                    in the layer below's activation t)
//   send backward  [(1 - t^2) w delta, 0, ..., 0]  (mean over b: the error e' of the layer below's
//                                                    pre-activation, before this tick's update)
//   update         w <- w - eta t delta,  b <- b - eta delta
// With backwardPass (reference.ts), a forward tick has delta = 0 (nothing changes, the prediction is
// made) and the reverse tick brings e = softmax(y) - onehot to the top layer and each layer's e' to
// the one below, in the same example: the network learns by online backprop on
//   m^l_b = mean_a tanh(x^l_a) w_ab + b_b,   x^{l+1} = m^l,   y = 100 tanh(m^{L-1} / 100)
// (BackpropTeacher below; mean reductions as in VSML, so eta is eta / A_l in sum units).
import { runExamples, type BlockResult, type EngineSpec, type RunOptions, type StreamBlock } from '../engine';
import type { RunState } from '../state';

export interface CloneRule {
  /** eta: the teacher's learning rate on (w, b) in VSML's mean parameterisation. */
  readonly learningRate: number;
  /** kappa: c[0] = w / kappa, c[1] = b / kappa, so the weights stay where an LSTM cell is precise. */
  readonly weightScale: number;
}

/** Cell-state dims of w and b. */
export const W_DIM = 0;
export const B_DIM = 1;

/** What one cell should hold and send after a tick. */
export interface CellTargets {
  /** c[0] and c[1] after the tick (scaled). */
  readonly w: number;
  readonly b: number;
  /** Dim 0 of the forward and the backward message (the other dims: 0). */
  readonly fwd: number;
  readonly bwd: number;
}

/** The targets of one cell holding c[0] = cw, c[1] = cb that sees input x and error delta. */
export function cellTargets(rule: CloneRule, cw: number, cb: number, x: number, delta: number): CellTargets {
  const k = rule.weightScale;
  const t = Math.tanh(x);
  const step = rule.learningRate / k;
  return {
    w: cw - step * t * delta,
    b: cb - step * delta,
    fwd: k * (t * cw + cb),
    bwd: k * (1 - t * t) * cw * delta,
  };
}

/** Layer sizes [A, hidden..., K] of a network, its weights per layer [A_l][B_l] and biases [B_l]. */
export interface TeacherNet {
  readonly sizes: readonly number[];
  readonly w: Float64Array[];
  readonly b: Float64Array[];
}

/** y = bound tanh(m / bound): VSML's readout (tanhBound). */
const READOUT_BOUND = 100;

/**
 * Online backprop on the network the rule describes, one example at a time: predict, then learn from
 * the label. This is what a perfectly cloned VSML network computes (Fig. 5's "backprop it cloned").
 */
export class BackpropTeacher {
  private readonly acts: Float64Array[];

  constructor(
    readonly rule: CloneRule,
    readonly net: TeacherNet,
  ) {
    this.acts = net.sizes.map((n) => new Float64Array(n));
  }

  /** The network whose w and b are those a VSML run holds in c[0], c[1] ([A][B][N] states, mean over a for b). */
  static fromStates(
    rule: CloneRule,
    sizes: readonly number[],
    cStates: readonly ArrayLike<number>[],
    N: number,
  ): BackpropTeacher {
    const k = rule.weightScale;
    const w: Float64Array[] = [];
    const b: Float64Array[] = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const A = sizes[l];
      const B = sizes[l + 1];
      const c = cStates[l];
      const wl = new Float64Array(A * B);
      const bl = new Float64Array(B);
      for (let a = 0; a < A; a++)
        for (let j = 0; j < B; j++) {
          wl[a * B + j] = k * c[(a * B + j) * N + W_DIM];
          bl[j] += (k * c[(a * B + j) * N + B_DIM]) / A;
        }
      w.push(wl);
      b.push(bl);
    }
    return new BackpropTeacher(rule, { sizes: [...sizes], w, b });
  }

  /** Logits y for x ([A] values from xOff). */
  predict(x: ArrayLike<number>, xOff = 0): Float64Array {
    const { sizes, w, b } = this.net;
    const L = sizes.length - 1;
    for (let a = 0; a < sizes[0]; a++) this.acts[0][a] = x[xOff + a];
    for (let l = 0; l < L; l++) {
      const A = sizes[l];
      const B = sizes[l + 1];
      const out = this.acts[l + 1];
      out.fill(0);
      for (let a = 0; a < A; a++) {
        const t = Math.tanh(this.acts[l][a]);
        if (t === 0) continue;
        for (let j = 0; j < B; j++) out[j] += t * w[l][a * B + j];
      }
      for (let j = 0; j < B; j++) out[j] = out[j] / A + b[l][j];
    }
    const y = new Float64Array(sizes[L]);
    for (let j = 0; j < y.length; j++) y[j] = READOUT_BOUND * Math.tanh(this.acts[L][j] / READOUT_BOUND);
    return y;
  }

  /** Predict x, then update on `label`: loss, correctness, and the top error e = softmax(y) - onehot. */
  step(x: ArrayLike<number>, xOff: number, label: number): { loss: number; correct: boolean; y: Float64Array } {
    const { sizes, w, b } = this.net;
    const L = sizes.length - 1;
    const y = this.predict(x, xOff);
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < y.length; j++) if (y[j] > max) [max, arg] = [y[j], j];
    let sum = 0;
    const p = new Float64Array(y.length);
    for (let j = 0; j < y.length; j++) sum += p[j] = Math.exp(y[j] - max);
    let delta = new Float64Array(y.length);
    for (let j = 0; j < y.length; j++) delta[j] = p[j] / sum - (j === label ? 1 : 0);
    const eta = this.rule.learningRate;
    for (let l = L - 1; l >= 0; l--) {
      const A = sizes[l];
      const B = sizes[l + 1];
      const below = new Float64Array(A);
      for (let a = 0; a < A; a++) {
        const t = Math.tanh(this.acts[l][a]);
        let back = 0;
        for (let j = 0; j < B; j++) {
          back += w[l][a * B + j] * delta[j];
          w[l][a * B + j] -= eta * t * delta[j];
        }
        below[a] = ((1 - t * t) * back) / B;
      }
      for (let j = 0; j < B; j++) b[l][j] -= eta * delta[j];
      delta = below;
    }
    return { loss: Math.log(sum) + max - y[label], correct: arg === label, y };
  }
}

/**
 * R teachers run by the evaluation protocol, run r's network read from the w and b dims of VSML run
 * r's initial state (`states`, as initRunStates draws them): the backprop a perfect clone computes.
 */
export class BackpropTeachers {
  private teachers: BackpropTeacher[] = [];

  constructor(
    readonly rule: CloneRule,
    readonly spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>,
    readonly sizes: readonly number[],
    readonly stateSize: number,
  ) {}

  get runs(): number {
    return this.spec.runs;
  }

  /** Every run's network from its VSML initial state. */
  reset(states: readonly RunState[]): void {
    this.teachers = states.map((s) =>
      BackpropTeacher.fromStates(
        this.rule,
        this.sizes,
        s.map((l) => l.c),
        this.stateSize,
      ),
    );
  }

  run(block: StreamBlock, opts: RunOptions = {}): BlockResult {
    const A = this.spec.inputSize;
    return runExamples(this.spec, block, opts, (s, i, outputs, at) => {
      const r = this.teachers[s].step(block.inputs, i * A, block.labels[i]);
      if (outputs) outputs.set(r.y, at);
      return r;
    });
  }
}
