// Run 0's last `history` examples for the introspection strip: their labels and, for every learner of
// the session (VSML, the baselines, the learned learners), the softmax of its K outputs, made before
// each label. The strip shows one learner's at a time (Frame.strip), so every learner is kept, and
// switching shows its whole window at once.

export class RecentOutputs {
  private readonly p = new Map<string, number[]>();
  private readonly l: number[] = [];

  constructor(
    learners: readonly string[],
    private readonly K: number,
    private readonly history: number,
  ) {
    for (const name of learners) this.p.set(name, []);
  }

  has(learner: string): boolean {
    return this.p.has(learner);
  }

  /** Run 0's `steps` labels of a block ([R][steps] labels, run 0 first). */
  addLabels(labels: Int32Array, steps: number): void {
    for (let t = 0; t < steps; t++) this.l.push(labels[t]);
    const extra = this.l.length - this.history;
    if (extra > 0) this.l.splice(0, extra);
  }

  /** Run 0's `steps` outputs of a block ([R][steps][K], run 0 first), as probabilities. */
  add(learner: string, outputs: Float32Array, steps: number): void {
    const ring = this.p.get(learner);
    if (!ring) throw new Error(`recent outputs: unknown learner "${learner}"`);
    const K = this.K;
    for (let t = 0; t < steps; t++) ring.push(...softmax(outputs.subarray(t * K, (t + 1) * K)));
    const extra = ring.length - this.history * K;
    if (extra > 0) ring.splice(0, extra);
  }

  /** [n][K] of `learner`, oldest first (a new array). */
  probabilities(learner: string): Float32Array {
    return Float32Array.from(this.p.get(learner) ?? []);
  }

  /** [n] labels, oldest first (a new array). */
  labels(): Int32Array {
    return Int32Array.from(this.l);
  }

  /** `learner`'s probabilities of the last example; uniform before any. */
  last(learner: string): Float32Array {
    const ring = this.p.get(learner) ?? [];
    return ring.length === 0 ? new Float32Array(this.K).fill(1 / this.K) : Float32Array.from(ring.slice(-this.K));
  }
}

export function softmax(y: Float32Array): number[] {
  let max = -Infinity;
  for (const v of y) max = Math.max(max, v);
  const e = Array.from(y, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
