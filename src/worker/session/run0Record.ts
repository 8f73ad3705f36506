// What the studio session keeps of its run 0, for "explain this step" and the drawing pad: the last
// example it took (inputs, label and outputs y: with the states they rebuild the run's pending
// backward inputs, src/model/explain.ts rebuildCarry) and every example since its initial state, in
// order (stream examples and taught drawings), so `vsml trace` can recompute the run (reproduce()).
// The examples are kept up to RUN0_RECORD_BYTES; past it the record says so and reproduce() is refused.
// reset() is the one place a run-0 restart goes through (a new session, or a fresh episode that puts
// every learner back to its initial state).
import { serialiseStream } from '../../data/streamFile';
import type { LastExample } from '../../model/explain';
import { serialiseState } from '../../model/formats/state';
import { cloneRunState, type RunState } from '../../model/state';

/** Bytes of run 0's examples the session keeps for reproduce() (inputs and labels, 4 bytes each). */
export const RUN0_RECORD_BYTES = 16 * 1024 * 1024;

/** One example as run 0 took it. */
export interface Run0Example extends LastExample {
  /** [A] the inputs. */
  readonly x: Float32Array;
}

export class Run0Record {
  private initial: RunState;
  private inputs: Float32Array[] = [];
  private labels: Int32Array[] = [];
  private count = 0;
  private taughtCount = 0;
  private over = false;
  private lastExample: Run0Example | null = null;
  /** Bumped by every reset (so a caller can tell that one happened during a step). */
  resets = 0;

  constructor(
    private readonly inputSize: number,
    private readonly numClasses: number,
    initial: RunState,
  ) {
    this.initial = cloneRunState(initial);
  }

  /** Run 0 starts again from `initial` (its pending backward inputs at zero, as engine.setState leaves them). */
  reset(initial: RunState = this.initial): void {
    this.initial = cloneRunState(initial);
    this.inputs = [];
    this.labels = [];
    this.count = 0;
    this.taughtCount = 0;
    this.over = false;
    this.lastExample = null;
    this.resets++;
  }

  /** The state run 0 started from at the last reset (a copy). */
  get initialState(): RunState {
    return cloneRunState(this.initial);
  }

  /** The last example since the last reset, or null (none yet). */
  get last(): Run0Example | null {
    return this.lastExample;
  }

  /** Examples since the last reset (stream examples and taught drawings). */
  get examples(): number {
    return this.count;
  }

  /**
   * Run 0 took `steps` examples: inputs [steps][A], labels [steps] and its outputs y [steps][K]
   * (views into a block are fine: what is kept is copied). `taught`: drawings outside the stream.
   */
  record(inputs: Float32Array, labels: Int32Array, outputs: Float32Array, steps: number, taught = false): void {
    const A = this.inputSize;
    const K = this.numClasses;
    const t = steps - 1;
    this.lastExample = { x: inputs.slice(t * A, steps * A), label: labels[t], y: outputs.slice(t * K, steps * K) };
    this.count += steps;
    if (taught) this.taughtCount += steps;
    if (this.over) return;
    if (this.count * (A + 1) * 4 > RUN0_RECORD_BYTES) {
      this.over = true;
      this.inputs = [];
      this.labels = [];
      return;
    }
    this.inputs.push(inputs.slice(0, steps * A));
    this.labels.push(labels.slice(0, steps));
  }

  /** The vsml-state of the initial state and the vsml-stream of every example since, or why not. */
  documents():
    { ok: true; stream: string; state: string; examples: number; taught: number } | { ok: false; message: string } {
    const A = this.inputSize;
    if (this.count === 0)
      return { ok: false, message: 'reproduce: run 0 has taken no example since its initial state yet' };
    if (this.over) {
      const mib = (this.count * (A + 1) * 4) / 2 ** 20;
      return {
        ok: false,
        message: `reproduce: run 0's ${this.count} examples since its initial state are ${mib.toFixed(1)} MiB, over the ${RUN0_RECORD_BYTES / 2 ** 20} MiB the session keeps; restart the session and reproduce sooner`,
      };
    }
    const inputs = new Float32Array(this.count * A);
    const labels = new Int32Array(this.count);
    let at = 0;
    for (let i = 0; i < this.inputs.length; i++) {
      inputs.set(this.inputs[i], at * A);
      labels.set(this.labels[i], at);
      at += this.labels[i].length;
    }
    const stream = serialiseStream({ numClasses: this.numClasses, inputSize: A, steps: this.count, inputs, labels });
    return { ok: true, stream, state: serialiseState(this.initial), examples: this.count, taught: this.taughtCount };
  }
}
