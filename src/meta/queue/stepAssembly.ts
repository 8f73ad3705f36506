// The coordinator's side of one distributed ES step: the fitness of all P pairs assembled from the
// workers' results in pair order, whoever sent them and in whatever order they came. A result counts
// once: for this run, step and theta, for one of the step's planned ranges, not seen before, and
// computed under the run's digest (the same code, engine, config and tasks); anything else is turned
// away with the reason. Since a pair's fitness depends only on (config, step, pair, theta), the
// assembled vectors are the bits the single-process run computes, for any workers and job sizes.
import type { Fitness, PairRange } from '../rollouts';
import type { EsJob } from './esJob';
import type { EsResult } from './esResult';

export type Offered =
  | { readonly kind: 'accepted' }
  /** A second answer for a range already filled (a worker late past its lock, or a retried job). */
  | { readonly kind: 'duplicate' }
  /** An answer for another step, theta or split (an old coordinator's job). */
  | { readonly kind: 'stale' }
  /** An answer computed under another digest: another code version, engine, config or data. */
  | { readonly kind: 'refused'; readonly why: string };

export interface WorkerTally {
  readonly engine: string;
  pairs: number;
  jobs: number;
  /** Job seconds summed: pairs / seconds is the worker's rate. */
  seconds: number;
}

const key = (r: PairRange): string => `${r.from}-${r.to}`;

export class StepAssembly implements Fitness {
  readonly plus: Float64Array;
  readonly minus: Float64Array;
  readonly workers = new Map<string, WorkerTally>();
  private readonly open: Map<string, PairRange>;
  private pairsDone = 0;

  constructor(
    readonly job: Omit<EsJob, 'from' | 'to'>,
    readonly ranges: readonly PairRange[],
    /** The engine the run's digest was computed for (said when a worker's differs). */
    private readonly engine: string,
  ) {
    const P = ranges.reduce((n, r) => Math.max(n, r.to), 0);
    this.plus = new Float64Array(P);
    this.minus = new Float64Array(P);
    this.open = new Map(ranges.map((r) => [key(r), r]));
  }

  get pairs(): number {
    return this.plus.length;
  }

  get done(): number {
    return this.pairsDone;
  }

  get complete(): boolean {
    return this.open.size === 0;
  }

  /** The ranges still without an answer, in pair order. */
  pending(): PairRange[] {
    return [...this.open.values()];
  }

  offer(r: EsResult): Offered {
    const { run, step, theta } = this.job;
    if (r.run !== run || r.step !== step || r.theta !== theta) return { kind: 'stale' };
    if (r.digest !== run) {
      const engine =
        r.worker.engine !== this.engine
          ? `: its engine is ${r.worker.engine}, the run's ${this.engine}`
          : ' (another code version, config or data)';
      return {
        kind: 'refused',
        why: `worker ${r.worker.id} computed under digest ${r.digest.slice(0, 12)}, the run is ${run.slice(0, 12)}${engine}`,
      };
    }
    const k = key(r);
    if (!this.open.has(k)) return this.ranges.some((x) => key(x) === k) ? { kind: 'duplicate' } : { kind: 'stale' };
    this.open.delete(k);
    this.plus.set(r.plus, r.from);
    this.minus.set(r.minus, r.from);
    this.pairsDone += r.to - r.from;
    const t = this.workers.get(r.worker.id) ?? { engine: r.worker.engine, pairs: 0, jobs: 0, seconds: 0 };
    t.pairs += r.to - r.from;
    t.jobs += 1;
    t.seconds += r.seconds;
    this.workers.set(r.worker.id, t);
    return { kind: 'accepted' };
  }
}
