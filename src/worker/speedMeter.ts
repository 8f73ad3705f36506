// Examples per second over the last second of worker wall time: the count after each block is logged
// with its time, and the rate is (count now - count one window ago) / window, where the count at a time
// is that of the last block finished by then. So a paused session reads 0 after one window, and the
// first second of a session is measured over the time since it opened.

/** Milliseconds the rate is measured over. */
export const SPEED_WINDOW_MS = 1000;

export class SpeedMeter {
  /** (time ms, examples) after each block, oldest first; the first is the session's start. */
  private readonly samples: { t: number; n: number }[];

  constructor(startMs: number, private readonly windowMs = SPEED_WINDOW_MS) {
    this.samples = [{ t: startMs, n: 0 }];
  }

  /** A block finished at `timeMs` with `examples` seen in all. */
  record(timeMs: number, examples: number): void {
    this.samples.push({ t: timeMs, n: examples });
    // Keep the last sample at or before the oldest time a later rate() may look back to.
    const from = timeMs - this.windowMs;
    let drop = 0;
    while (drop + 1 < this.samples.length && this.samples[drop + 1].t <= from) drop++;
    if (drop > 0) this.samples.splice(0, drop);
  }

  /** Examples per second over the window ending at `nowMs` (0 before any time has passed). */
  rate(nowMs: number): number {
    const start = this.samples[0].t;
    const from = Math.max(start, nowMs - this.windowMs);
    const span = nowMs - from;
    if (span <= 0) return 0;
    return ((this.countAt(nowMs) - this.countAt(from)) * 1000) / span;
  }

  private countAt(t: number): number {
    let n = this.samples[0].n;
    for (const s of this.samples) {
      if (s.t > t) break;
      n = s.n;
    }
    return n;
  }
}
