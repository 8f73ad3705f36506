// A line chart's hover tooltip: a grey title (the hovered x) over one row per series — a coloured mark,
// the series' name and its value there. Placed by the caller (`tooltipBeside`); left out of exports.
import type { CSSProperties, ReactNode } from 'react';
import { GREY } from './palette';

export interface TooltipRow {
  readonly key: string;
  readonly colour: string;
  readonly label: ReactNode;
  readonly text: ReactNode;
  /** The mark before the label; a square when omitted. */
  readonly mark?: string;
}

export interface HoverTooltipProps {
  readonly testId?: string;
  readonly style: CSSProperties;
  readonly title: ReactNode;
  readonly rows: readonly TooltipRow[];
}

export function HoverTooltip({ testId, style, title, rows }: HoverTooltipProps) {
  return (
    <div data-export="skip" data-testid={testId} style={style}>
      <div style={{ color: GREY.text }}>{title}</div>
      {rows.map((r) => (
        <div key={r.key}>
          <span style={{ color: r.colour }}>{r.mark ?? '■'}</span> {r.label}: {r.text}
        </div>
      ))}
    </div>
  );
}
