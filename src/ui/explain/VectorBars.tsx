// A short vector (one value per class: scores, logits, probabilities, the error) as bars from zero,
// up for positive and down for negative, each bar's value written above or below it, the class
// names under the axis, the true class marked with a square and the prediction with a circle (the
// paper's Fig. 9 notation). Every bar carries its exact value (data-value) for tests and its text for
// screen readers. d3 scales, SVG; at most a few dozen bars.
import { scaleBand, scaleLinear } from 'd3-scale';
import { useChartTheme } from '../charts/chartTheme';
import { GREY, MARKER, learnerColour } from '../charts/palette';
import { circlePath, squarePath } from '../charts/strip';
import { fixed } from './explainNumbers';

export interface VectorBarsProps {
  readonly testId: string;
  readonly values: ArrayLike<number>;
  readonly names: readonly string[];
  /** Accessible name of the drawing. */
  readonly label: string;
  /** From min(0, lowest) to max(0, highest) (signed), or [0, 1] (probabilities). */
  readonly kind: 'signed' | 'unit';
  readonly trueClass?: number;
  readonly predicted?: number;
  /** Decimals written on the bars (default 3). */
  readonly digits?: number;
  readonly width?: number;
  readonly height?: number;
}

const POS = '#c0392b';

/** Whether the bars are wide enough to carry their numbers (the band of K bars over `width`, 75% of it a bar). */
const showTextFor = (width: number, K: number, font: number): boolean =>
  ((width - 8) / Math.max(1, K)) * 0.75 >= font * 2.2;
const NEG = '#2f6fb0';

export function VectorBars({
  testId,
  values,
  names,
  label,
  kind,
  trueClass = -1,
  predicted = -1,
  digits = 3,
  width = 420,
  height = 170,
}: VectorBarsProps) {
  const { tickFont } = useChartTheme();
  const K = values.length;
  const top = tickFont + 6;
  const bottom = tickFont + 22;
  const plotH = height - top - bottom;
  // Signed: from the lowest value (or 0) to the highest (or 0), so all-positive bars use the whole height.
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < K; k++)
    if (Number.isFinite(values[k])) [lo, hi] = [Math.min(lo, values[k]), Math.max(hi, values[k])];
  if (lo === hi) hi = 1;
  const y = scaleLinear()
    .domain(kind === 'unit' ? [0, 1] : [lo, hi])
    .range([plotH - (lo < 0 && showTextFor(width, K, tickFont) ? tickFont + 4 : 0), 0]);
  const x = scaleBand<number>()
    .domain(Array.from({ length: K }, (_, k) => k))
    .range([4, width - 4])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const bw = x.bandwidth();
  const zero = y(0);
  const showText = showTextFor(width, K, tickFont);
  const marker = Math.min(9, Math.max(4, bw * 0.6));
  const markY = plotH + 9;
  return (
    <svg
      className="vector-bars"
      data-testid={testId}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      fontSize={tickFont}
    >
      <g transform={`translate(0,${top})`}>
        {Array.from({ length: K }, (_, k) => {
          const v = values[k];
          const yv = y(Math.max(y.domain()[0], Math.min(y.domain()[1], Number.isFinite(v) ? v : 0)));
          const fill = kind === 'unit' ? (k === predicted ? learnerColour(0) : GREY.bar) : v < 0 ? NEG : POS;
          const x0 = x(k) ?? 0;
          return (
            <g key={k}>
              <rect
                data-testid={`${testId}-${k}`}
                data-value={v}
                x={x0}
                y={Math.min(yv, zero)}
                width={bw}
                height={Math.max(0.5, Math.abs(zero - yv))}
                fill={fill}
              >
                <title>{`${names[k] ?? k}: ${fixed(v, 5)}`}</title>
              </rect>
              {showText && (
                <text
                  x={x0 + bw / 2}
                  y={v < 0 ? Math.max(yv, zero) + tickFont : Math.min(yv, zero) - 3}
                  textAnchor="middle"
                  fill={GREY.ink}
                  fontSize={tickFont - 1}
                >
                  {fixed(v, digits)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={zero} y2={zero} stroke={GREY.axis} />
        {trueClass >= 0 && trueClass < K && (
          <path
            d={squarePath((x(trueClass) ?? 0) + bw / 2, markY, marker)}
            fill="none"
            stroke={MARKER.trueClass}
            strokeWidth={1.5}
          />
        )}
        {predicted >= 0 && predicted < K && (
          <path
            d={circlePath((x(predicted) ?? 0) + bw / 2, markY, marker * 0.38)}
            fill={MARKER.predictedFill}
            stroke={MARKER.predicted}
            strokeWidth={1.25}
          />
        )}
        <g fill={GREY.text}>
          {Array.from({ length: K }, (_, k) => (
            <text key={k} x={(x(k) ?? 0) + bw / 2} y={plotH + 16} dy="0.71em" textAnchor="middle">
              {names[k] ?? k}
            </text>
          ))}
        </g>
      </g>
    </svg>
  );
}
