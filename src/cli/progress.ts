// A progress bar for long CLI runs, on stderr: redrawn in place on a terminal; on anything else
// (a pipe, a log file) plain lines, at most one every `plainEverySeconds`, plus the first and last.
import type { ProgressOut } from './command';

export interface ProgressOptions {
  readonly total: number;
  /** The step the session started from (steps/s counts only this session's steps). */
  readonly start: number;
  readonly now?: () => number;
  readonly plainEverySeconds?: number;
  readonly width?: number;
}

/** "1h02m", "7m05s", "12s"; "?" for an unknown or infinite time. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h${pad(m)}m`;
  if (m > 0) return `${m}m${pad(s % 60)}s`;
  return `${s}s`;
}

export class ProgressBar {
  private readonly now: () => number;
  private readonly started: number;
  private lastPlain = -Infinity;
  private drawn = false;

  constructor(
    private readonly out: ProgressOut | undefined,
    private readonly opts: ProgressOptions,
  ) {
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** The status text for `step` steps done (used by both modes; exported for tests through render). */
  render(step: number, metaLoss: number | null, recentLoss: number | null): string {
    const { total, start } = this.opts;
    const width = this.opts.width ?? 20;
    const frac = total > 0 ? Math.min(1, step / total) : 1;
    const filled = Math.round(frac * width);
    const elapsed = (this.now() - this.started) / 1000;
    const rate = elapsed > 0 ? (step - start) / elapsed : 0;
    const eta = rate > 0 ? (total - step) / rate : Infinity;
    const loss = metaLoss === null ? 'rejected' : metaLoss.toFixed(4);
    const recent = recentLoss === null ? '' : ` (mean of last 10: ${recentLoss.toFixed(4)})`;
    return `step ${step}/${total} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] meta-loss ${loss}${recent}  ${rate.toFixed(2)} steps/s  ETA ${formatDuration(eta)}`;
  }

  update(step: number, metaLoss: number | null, recentLoss: number | null): void {
    if (!this.out) return;
    const text = this.render(step, metaLoss, recentLoss);
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${text}`);
      this.drawn = true;
      return;
    }
    const t = this.now() / 1000;
    if (
      step === this.opts.total ||
      step === this.opts.start + 1 ||
      t - this.lastPlain >= (this.opts.plainEverySeconds ?? 5)
    ) {
      this.out.write(`${text}\n`);
      this.lastPlain = t;
    }
  }

  /**
   * A live line within a step (a distributed step's pairs and workers): redrawn on a terminal, else throttled like
   * update.
   */
  detail(text: string): void {
    if (!this.out) return;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${text}`);
      this.drawn = true;
      return;
    }
    const t = this.now() / 1000;
    if (t - this.lastPlain >= (this.opts.plainEverySeconds ?? 5)) {
      this.out.write(`${text}\n`);
      this.lastPlain = t;
    }
  }

  /** A line that stays (a rejected step, an evaluation): printed above the bar. */
  note(line: string): void {
    if (!this.out) return;
    this.out.write(this.out.isTTY && this.drawn ? `\r\x1b[2K${line}\n` : `${line}\n`);
    this.drawn = false;
  }

  /** End the bar's line (terminal only). */
  done(): void {
    if (this.out?.isTTY && this.drawn) this.out.write('\n');
    this.drawn = false;
  }
}
