// The Fig. 9 notation explained in one line of SVG: a square marks the true class, a circle the
// prediction. Text at the theme's tick size.
import { charWidth, useChartTheme } from './chartTheme';
import { MARKER, GREY } from './palette';
import { circlePath, squarePath } from './strip';

export interface MarkerLegendProps {
  readonly x: number;
  readonly y: number;
  /** Wording of the circle ("predicted", "argmax"). */
  readonly predictedText?: string;
}

const TRUE_TEXT = 'true class';

/** Where the parts sit at `font` px: the square's text, the circle, its text, and the width in all. */
function legendParts(font: number, predictedText: string) {
  const side = Math.round(font * 0.75);
  const trueText = side + 5;
  const circle = trueText + TRUE_TEXT.length * charWidth(font) + 12;
  const predicted = circle + side / 2 + 4;
  return { side, trueText, circle, predicted, width: Math.ceil(predicted + predictedText.length * charWidth(font)) };
}

/** Width the legend takes (CSS px) at `font` px: 157 px at 11 px with "predicted". */
export function markerLegendWidth(font: number, predictedText = 'predicted'): number {
  return legendParts(font, predictedText).width;
}

export function MarkerLegend({ x, y, predictedText = 'predicted' }: MarkerLegendProps) {
  const { tickFont } = useChartTheme();
  const p = legendParts(tickFont, predictedText);
  return (
    <g transform={`translate(${x},${y})`} fontSize={tickFont} fill={GREY.text}>
      <path d={squarePath(p.side / 2 + 1, 0, p.side)} fill="none" stroke={MARKER.trueClass} strokeWidth={1.5} />
      <text x={p.trueText} dy="0.32em">
        {TRUE_TEXT}
      </text>
      <path
        d={circlePath(p.circle, 0, p.side * 0.45)}
        fill={MARKER.predictedFill}
        stroke={MARKER.predicted}
        strokeWidth={1.25}
      />
      <text x={p.predicted} dy="0.32em">
        {predictedText}
      </text>
    </g>
  );
}
