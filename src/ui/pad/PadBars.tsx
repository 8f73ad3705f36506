// The pad's probability chart: one row per class (the pad's names, so a renamed class reads "star"),
// a bar for the probability run 0 gives it now and, when given, a thin grey bar for the probability
// before teaching, with the change written out. The class being taught is highlighted; the prediction
// is marked "guess". Plain HTML rows (a list), so every number is text a screen reader reads and an
// e2e test reads off `data-p` / `data-before`.
import type { CSSProperties } from 'react';
import { learnerColour } from '../charts/palette';

export interface PadBarsProps {
  /** Names the test id: `pad-bars-<id>`. */
  readonly id: string;
  readonly names: readonly string[];
  /** [K] now. */
  readonly probabilities: Float32Array;
  /** [K] before teaching, to compare with; null for none. */
  readonly before: Float32Array | null;
  readonly predicted: number;
  /** The class to highlight (being taught, or taught); -1 for none. */
  readonly highlight: number;
  /** Greyed out: the drawing changed since this prediction. */
  readonly stale?: boolean;
}

const pct = (p: number): CSSProperties => ({ width: `${(100 * Math.max(0, Math.min(1, p))).toFixed(1)}%` });
const signed = (d: number): string => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(3)}`;

export function PadBars({ id, names, probabilities, before, predicted, highlight, stale = false }: PadBarsProps) {
  const colour = learnerColour(0);
  return (
    <ol
      className={stale ? 'pad-bars stale' : 'pad-bars'}
      data-testid={`pad-bars-${id}`}
      data-predicted={predicted}
      aria-label={`probabilities${before ? ', before and after teaching' : ''}`}
    >
      {Array.from(probabilities, (p, k) => {
        const b = before ? before[k] : null;
        const cls = ['pad-bar', k === highlight ? 'taught' : '', k === predicted ? 'guess' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <li key={k} className={cls} data-class={k} data-p={p} data-before={b ?? undefined}>
            <span className="pad-bar-name" title={names[k]}>
              {names[k]}
            </span>
            <span className="pad-bar-track" aria-hidden="true">
              {b !== null && <span className="pad-bar-before" style={pct(b)} />}
              <span className="pad-bar-now" style={{ ...pct(p), background: colour }} />
            </span>
            <span className="pad-bar-value">
              {b !== null && <span className="pad-bar-was">{b.toFixed(3)} → </span>}
              {p.toFixed(3)}
              {b !== null && k === highlight && <b className="pad-bar-change"> ({signed(p - b)})</b>}
              {k === predicted && <span className="pad-bar-guess"> guess</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
