// How the play loop sizes and times its blocks. At a finite speed v (examples per second) it paces by
// wall clock: a credit grows by v per second of the clock (capped at a quarter second's worth, or 1, so
// a slow engine is not repaid in bursts), a block takes the whole examples of the credit, and with none
// it waits until the next example is due: play(1) runs one example at once and then one a second.
// At any speed a block is kept short: at most BLOCK_MS of work at the measured time per example,
// growing at most twofold per block from a single example, and never over `maxSteps` (memory), so
// frame(), pause() and setView() are served between blocks promptly. The time per example follows a
// slowdown at once (a block slower per example than the estimate replaces it) and a speed-up by
// halves (the average of the two), so one slow block is enough to shrink the next. A new session and
// a new engine (handover) get a new pacer, whose first block is one example.

/** Wall time one block aims not to exceed. */
export const BLOCK_MS = 50;
/** Credit cap, in seconds of examples at the target speed. */
const CREDIT_SECONDS = 0.25;

export type PaceDecision = { readonly steps: number } | { readonly waitMs: number };

export class Pacer {
  private speed = Infinity;
  private credit = 0;
  private lastMs = 0;
  /** Estimated wall milliseconds per example (see record), or null before the first block. */
  private msPerExample: number | null = null;
  private lastSteps = 0;

  constructor(private readonly maxSteps: number) {
    if (!Number.isInteger(maxSteps) || maxSteps < 1)
      throw new Error(`pacer: maxSteps must be a positive integer, got ${maxSteps}`);
  }

  /**
   * Start (or restart) pacing at `examplesPerSecond` (> 0, or Infinity) from `nowMs`: the first example is due at once.
   */
  start(examplesPerSecond: number, nowMs: number): void {
    if (!(examplesPerSecond > 0))
      throw new Error(`pacer: examples per second must be > 0 or Infinity, got ${examplesPerSecond}`);
    this.speed = examplesPerSecond;
    this.credit = 1;
    this.lastMs = nowMs;
  }

  /** Change the speed while playing, keeping the credit earned so far. */
  setSpeed(examplesPerSecond: number, nowMs: number): void {
    if (!(examplesPerSecond > 0))
      throw new Error(`pacer: examples per second must be > 0 or Infinity, got ${examplesPerSecond}`);
    this.accrue(nowMs);
    this.speed = examplesPerSecond;
  }

  /** The most examples one block may take now (from the time per example measured so far). */
  blockCap(): number {
    if (this.msPerExample === null) return 1;
    const byTime = this.msPerExample > 0 ? Math.floor(BLOCK_MS / this.msPerExample) : this.maxSteps;
    return Math.max(1, Math.min(this.maxSteps, byTime, 2 * this.lastSteps));
  }

  /** Run a block of `steps` now, or wait `waitMs` first. */
  next(nowMs: number): PaceDecision {
    const cap = this.blockCap();
    if (this.speed === Infinity) return { steps: cap };
    this.accrue(nowMs);
    const whole = Math.floor(this.credit);
    if (whole >= 1) {
      const steps = Math.min(whole, cap);
      this.credit -= steps;
      return { steps };
    }
    return { waitMs: ((1 - this.credit) * 1000) / this.speed };
  }

  /** A block of `steps` examples took `ms` of wall time. */
  record(steps: number, ms: number): void {
    const per = Math.max(0, ms) / steps;
    const was = this.msPerExample;
    this.msPerExample = was === null || per >= was ? per : (was + per) / 2;
    this.lastSteps = steps;
  }

  private accrue(nowMs: number): void {
    if (this.speed !== Infinity) {
      const cap = Math.max(1, this.speed * CREDIT_SECONDS);
      this.credit = Math.min(cap, this.credit + (this.speed * Math.max(0, nowMs - this.lastMs)) / 1000);
    }
    this.lastMs = nowMs;
  }
}
