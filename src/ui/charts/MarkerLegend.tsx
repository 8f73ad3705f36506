// The Fig. 9 notation explained in one line of SVG: a square marks the true class, a circle the prediction.
import { MARKER, GREY } from './palette';
import { circlePath, squarePath } from './strip';

export interface MarkerLegendProps {
  readonly x: number;
  readonly y: number;
  /** Wording of the circle ("predicted", "argmax"). */
  readonly predictedText?: string;
}

/** Width the legend takes (CSS px). */
export const MARKER_LEGEND_WIDTH = 160;

export function MarkerLegend({ x, y, predictedText = 'predicted' }: MarkerLegendProps) {
  return (
    <g transform={`translate(${x},${y})`} fontSize={10} fill={GREY.text}>
      <path d={squarePath(5, 0, 8)} fill="none" stroke={MARKER.trueClass} strokeWidth={1.5} />
      <text x={13} dy="0.32em">
        true class
      </text>
      <path d={circlePath(78, 0, 3.5)} fill={MARKER.predictedFill} stroke={MARKER.predicted} strokeWidth={1.25} />
      <text x={86} dy="0.32em">
        {predictedText}
      </text>
    </g>
  );
}
