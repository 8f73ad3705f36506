// Numbers the trainer screen prints: ETA, steps/s, the saved run's time, a loss. Pure (no DOM).
import { format } from 'd3-format';

/** Seconds left as "45s", "7m15s", "2h05m" or "3d04h"; "—" when unknown (null, NaN, infinite, negative). */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

const rate3 = format('.3~r');

/** Steps per second with 3 significant digits ("0.663", "12.5"); "—" before the first step. */
export function formatRate(stepsPerSecond: number): string {
  return Number.isFinite(stepsPerSecond) && stepsPerSecond > 0 ? rate3(stepsPerSecond) : '—';
}

const loss4 = format('.4f');

/** A meta-loss with 4 decimals, "rejected" for NaN (a rejected step), "∞"/"−∞" for infinities. */
export function formatLoss(v: number): string {
  if (Number.isNaN(v)) return 'rejected';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return loss4(v);
}

/**
 * When a run was saved, relative to `now` (both ms since the epoch): "just now" (< 60 s), "12 min ago",
 * "3 h ago", else the local date and time; the ISO text itself when it does not parse.
 */
export function formatSavedAt(iso: string, now: number, locale?: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const ago = Math.max(0, now - t) / 1000;
  if (ago < 60) return 'just now';
  if (ago < 3600) return `${Math.floor(ago / 60)} min ago`;
  if (ago < 86400) return `${Math.floor(ago / 3600)} h ago`;
  return new Date(t).toLocaleString(locale);
}

/** "12 / 300 steps (4%)"; the percent rounds down, so 100% means done. */
export function formatProgress(step: number, total: number): string {
  const pct = total > 0 ? Math.floor((100 * Math.min(step, total)) / total) : 0;
  return `${step} / ${total} steps (${pct}%)`;
}
