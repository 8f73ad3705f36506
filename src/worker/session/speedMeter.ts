// Examples per second while playing, steady enough to read: the count after each block is logged with
// its time, and the rate is the examples of a window of whole blocks over its length. The window ends
// with the last block finished and starts at the end of an earlier one: the last one at least
// SPEED_WINDOW_MS before, or the one before the last SPEED_BLOCKS blocks, whichever is earlier (so one
// example every 14 s reads 1/14 = 0.071/s, not 0 or 1, and blocks every 10 ms read 100/s, the same
// until the next block lands). Before that much history it starts where the meter did. The player
// makes a new meter on every play and reads 0 while paused.

/** The window spans at least this many milliseconds... */
export const SPEED_WINDOW_MS = 3000;
/** ...and at least this many blocks. */
export const SPEED_BLOCKS = 10;

export class SpeedMeter {
  /** (time ms, examples) after each block, oldest first; the first is the meter's start. */
  private readonly samples: { t: number; n: number }[];

  constructor(
    startMs: number,
    startExamples = 0,
    private readonly windowMs = SPEED_WINDOW_MS,
    private readonly blocks = SPEED_BLOCKS,
  ) {
    this.samples = [{ t: startMs, n: startExamples }];
  }

  /** A block finished at `timeMs` with `examples` seen in all. */
  record(timeMs: number, examples: number): void {
    this.samples.push({ t: timeMs, n: examples });
    const drop = this.windowStart(); // later windows start no earlier
    if (drop > 0) this.samples.splice(0, drop);
  }

  /** Examples per second over the window (0 before a block has finished). */
  rate(): number {
    const end = this.samples[this.samples.length - 1];
    const start = this.samples[this.windowStart()];
    const span = end.t - start.t;
    return span > 0 ? ((end.n - start.n) * 1000) / span : 0;
  }

  /**
   * Index of the window's first sample: the earlier of the last one at or before windowMs ago and the one `blocks`
   * before the last.
   */
  private windowStart(): number {
    const last = this.samples.length - 1;
    const since = this.samples[last].t - this.windowMs;
    let byTime = 0;
    while (byTime + 1 <= last && this.samples[byTime + 1].t <= since) byTime++;
    return Math.max(0, Math.min(byTime, last - this.blocks));
  }
}
