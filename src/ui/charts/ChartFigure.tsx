// The frame of a hoverable line chart: the <figure> with its test id and data-* attributes, a header
// with the PNG/SVG buttons, the <svg> (scaled down to fit, never up) holding the chart and taking the
// pointer, and what sits over it (a tooltip). The exported SVG is this <svg>.
import { useRef, type ReactNode } from 'react';
import { figureStyle, headerStyle, svgTextStyle } from './chartStyle';
import { ExportButtons } from './ExportButtons';
import type { PlotHover } from './usePlotHover';

export interface ChartFigureProps {
  readonly testId: string;
  /** The figure's data-* attributes, rendered in this order after data-testid. */
  readonly data: Readonly<Record<`data-${string}`, number>>;
  /** File name of the exports: `<exportName>.png`, `<exportName>.svg`. */
  readonly exportName: string;
  readonly width: number;
  readonly height: number;
  readonly pointer: Pick<PlotHover, 'onPointerMove' | 'onPointerLeave'>;
  /** Drawn after the <svg>, e.g. the hover tooltip. */
  readonly overlay?: ReactNode;
  /** The SVG's content. */
  readonly children: ReactNode;
}

export function ChartFigure({ testId, data, exportName, width, height, pointer, overlay, children }: ChartFigureProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  return (
    <figure data-testid={testId} {...data} style={figureStyle}>
      <div style={headerStyle}>
        <span />
        <ExportButtons name={exportName} getSvg={() => svgRef.current} />
      </div>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ ...svgTextStyle, maxWidth: '100%', height: 'auto' }}
        onPointerMove={pointer.onPointerMove}
        onPointerLeave={pointer.onPointerLeave}
      >
        {children}
      </svg>
      {overlay}
    </figure>
  );
}
