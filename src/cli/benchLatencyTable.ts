// The numbers of `bench --latency`: one sample per click (ms, timed out, or an effect the page never
// showed), their median and max, and the markdown table per backend.
import { CONTROLS, type ControlKind } from './benchLatencyProbe';

/** One measurement: ms after the click (or after navigation start, for the load). */
export type LatencySample = number | 'timeout' | 'not-shown';

/** The samples of one row: the first effect (pending) and the final one (first example of the new run). */
export interface LatencyRow {
  readonly pending: LatencySample[];
  readonly effect: LatencySample[];
}

export type LoadKey = 'load' | 'on-webgpu';
export type RowKey = LoadKey | ControlKind;

export const ROW_ORDER: readonly RowKey[] = ['load', 'on-webgpu', ...CONTROLS];

/** What each row's two columns measure. */
export const ROW_LABELS: Record<RowKey, { control: string; pending: string; effect: string }> = {
  load: { control: 'load (page.goto)', pending: '—', effect: 'first example (from navigation start)' },
  'on-webgpu': {
    control: 'load, WebGPU: the session moves onto WebGPU',
    pending: '—',
    effect: 'badge says WebGPU (from navigation start)',
  },
  'restart-same': { control: 'Restart, same seeds', pending: 'pending shown', effect: "new run's first example" },
  'new-seeds': { control: 'New seeds', pending: 'pending shown', effect: "new run's first example" },
  preset: { control: 'preset (Shuffled pixels)', pending: 'pending shown', effect: "new run's first example" },
  runs: { control: 'runs S 8 → 1', pending: 'pending shown', effect: "new run's first example" },
  dataset: { control: 'dataset mnist → sum-sign', pending: 'pending shown', effect: "new run's first example" },
  pause: { control: 'Pause', pending: 'button says Play', effect: 'loop stopped (data-playing=false)' },
  step: { control: 'Step (paused)', pending: '—', effect: 'count + 1' },
};

/** Middle value (mean of the two middle ones for an even count); timeouts sort last. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (x: number, timeoutMs: number): string =>
  x === Infinity ? `> ${timeoutMs / 1000} s` : String(Math.round(x));

/**
 * "median / max" in ms over the samples, a timeout counted as larger than any number and printed as
 * "> 90 s"; samples where the effect was never shown are left out and counted ("not shown 1 of 3"), and
 * a row where it never was is "not shown". No samples: "—".
 */
export function summarise(samples: readonly LatencySample[], timeoutMs: number): string {
  if (samples.length === 0) return '—';
  const shown = samples
    .filter((x): x is number | 'timeout' => x !== 'not-shown')
    .map((x) => (x === 'timeout' ? Infinity : x));
  if (shown.length === 0) return 'not shown';
  const text = `${ms(median(shown), timeoutMs)} / ${ms(Math.max(...shown), timeoutMs)}`;
  const missing = samples.length - shown.length;
  return missing ? `${text} (not shown ${missing} of ${samples.length})` : text;
}

/** The markdown table of one backend's rows. */
export function formatLatencyTable(rows: Readonly<Partial<Record<RowKey, LatencyRow>>>, timeoutMs: number): string {
  const lines = [
    '| control | first effect | median / max, ms | final effect | median / max, ms |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const key of ROW_ORDER) {
    const row = rows[key];
    if (!row) continue;
    const l = ROW_LABELS[key];
    lines.push(
      `| ${l.control} | ${l.pending} | ${summarise(row.pending, timeoutMs)} | ${l.effect} | ${summarise(row.effect, timeoutMs)} |`,
    );
  }
  return lines.join('\n');
}
