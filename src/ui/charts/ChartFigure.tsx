// The frame of a hoverable line chart: the <figure> with its test id and data-* attributes, a header
// with the PNG/SVG buttons, the <svg> (scaled down to fit, never up) holding the chart and taking the
// pointer, what sits over it (a tooltip), and the chart's text summary for assistive technology. With
// a `label`, the <svg> is an image named by it and described by the summary, and takes the focus: the
// keyboard moves the hover (usePlotHover), and leaving it hides the hover. The exported SVG is this <svg>.
import { useRef, type ReactNode } from 'react';
import { useChartStyles } from './chartStyle';
import { ChartSummary, useSummaryId } from './ChartSummary';
import { ExportButtons } from './ExportButtons';
import type { PlotHover } from './usePlotHover';

export interface ChartFigureProps {
  readonly testId: string;
  /** The figure's data-* attributes, rendered in this order after data-testid. */
  readonly data: Readonly<Record<`data-${string}`, number>>;
  /** File name of the exports: `<exportName>.png`, `<exportName>.svg`. */
  readonly exportName: string;
  /** Size of the <svg> (the header is above it). */
  readonly width: number;
  readonly height: number;
  readonly pointer: Pick<PlotHover, 'onPointerMove' | 'onPointerLeave'> & Partial<Pick<PlotHover, 'onKeyDown'>>;
  /** Drawn after the <svg>, e.g. the hover tooltip. */
  readonly overlay?: ReactNode;
  /** Accessible name of the drawing, e.g. "Cumulative accuracy of VSML and the baselines". */
  readonly label?: string;
  /** A sentence saying what the chart shows now; visually hidden, `data-testid="<testId>-summary"`. */
  readonly summary?: string;
  /** The SVG's content. */
  readonly children: ReactNode;
}

export function ChartFigure({
  testId,
  data,
  exportName,
  width,
  height,
  pointer,
  overlay,
  label,
  summary,
  children,
}: ChartFigureProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const styles = useChartStyles();
  const summaryId = useSummaryId(testId);
  return (
    <figure data-testid={testId} {...data} style={styles.figure}>
      <div style={styles.header}>
        <span />
        <ExportButtons name={exportName} getSvg={() => svgRef.current} />
      </div>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role={label !== undefined ? 'img' : undefined}
        aria-label={label}
        aria-describedby={label !== undefined && summary !== undefined ? summaryId : undefined}
        tabIndex={label !== undefined && pointer.onKeyDown ? 0 : undefined}
        style={{ ...styles.svgText, maxWidth: '100%', height: 'auto' }}
        onPointerMove={pointer.onPointerMove}
        onPointerLeave={pointer.onPointerLeave}
        onKeyDown={label !== undefined ? pointer.onKeyDown : undefined}
        onBlur={label !== undefined && pointer.onKeyDown ? pointer.onPointerLeave : undefined}
      >
        {children}
      </svg>
      {overlay}
      {summary !== undefined && <ChartSummary id={summaryId} testId={testId} text={summary} />}
    </figure>
  );
}
