// The picked cell's numbers: for each state dimension j (a row), c and h before the example, then per
// micro-tick the gates i, f, o, g and the c and h they give, then the change Δc. Five decimals on
// screen, the exact value in data-value (and a title) for tests; each value shaded by its size (the
// sigmoid gates i, f, o white to blue on 0…1; g, states and Δ blue < 0 < red on their own symmetric
// range) so the table reads like small bars.
import { divergingInterpolator, parseColour, sequentialInterpolator } from '../charts/palette';
import { EXPLAIN_GATES } from '../../model/explainTypes';
import { fixed, maxAbs, type CellNumbers } from './explainNumbers';

const GATE_WORDS = {
  i: 'input gate i: how much new to write',
  f: 'forget gate f: how much of c to keep',
  o: 'output gate o: how much of c to show as h',
  g: 'candidate g: what to write',
} as const;

/** Background of a value: on [0, 1] (a sigmoid gate) white to blue, else blue < 0 < red on ±r. */
function shade(v: number, r: number, unit = false): string {
  if (!Number.isFinite(v) || r <= 0) return 'transparent';
  const t = Math.max(0, Math.min(1, unit ? v : (v / r + 1) / 2));
  // The map's middle 80% at 40%, so the darkest shade keeps the text above 7:1 contrast.
  const [red, green, blue] = parseColour(unit ? sequentialInterpolator(0.8 * t) : divergingInterpolator(0.1 + 0.8 * t));
  return `rgba(${red}, ${green}, ${blue}, 0.4)`;
}

function Value({
  id,
  v,
  r,
  unit,
}: {
  readonly id: string;
  readonly v: number;
  readonly r: number;
  readonly unit?: boolean;
}) {
  return (
    <td data-testid={`explain-cell-${id}`} data-value={v} title={String(v)} style={{ background: shade(v, r, unit) }}>
      {fixed(v)}
    </td>
  );
}

export function CellTable({ cell }: { readonly cell: CellNumbers }) {
  const N = cell.cBefore.length;
  const states = Math.max(
    maxAbs(cell.cBefore),
    maxAbs(cell.cAfter),
    maxAbs(cell.hBefore),
    ...cell.ticks.map((t) => Math.max(maxAbs(t.c), maxAbs(t.h))),
  );
  const dc = cell.cAfter.map((v, j) => v - cell.cBefore[j]);
  const rd = maxAbs(dc);
  return (
    <div
      className="cell-table-box"
      role="region"
      aria-label="the picked cell's numbers (scrolls sideways)"
      tabIndex={0}
    >
      <table className="cell-table" data-testid="explain-cell-table">
        <caption className="visually-hidden">The picked cell’s gates and states per dimension j</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              j
            </th>
            <th colSpan={2} scope="colgroup">
              before
            </th>
            {cell.ticks.map((_, t) => (
              <th key={t} colSpan={6} scope="colgroup">
                {`micro-tick ${t + 1}`}
              </th>
            ))}
            <th rowSpan={2} scope="col" title="change of the cell state over the example">
              Δc
            </th>
          </tr>
          <tr>
            <th scope="col">c</th>
            <th scope="col">h</th>
            {cell.ticks.map((_, t) => [
              ...EXPLAIN_GATES.map((g) => (
                <th key={`${t}${g}`} scope="col" title={GATE_WORDS[g]}>
                  {g}
                </th>
              )),
              <th key={`${t}c`} scope="col">
                c′
              </th>,
              <th key={`${t}h`} scope="col">
                h′
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: N }, (_, j) => (
            <tr key={j}>
              <th scope="row">{j}</th>
              <Value id={`c-before-${j}`} v={cell.cBefore[j]} r={states} />
              <Value id={`h-before-${j}`} v={cell.hBefore[j]} r={states} />
              {cell.ticks.map((tick, t) => [
                ...EXPLAIN_GATES.map((g) => (
                  <Value key={`${t}${g}`} id={`t${t}-${g}-${j}`} v={tick.gates[g][j]} r={1} unit={g !== 'g'} />
                )),
                <Value key={`${t}c`} id={`t${t}-c-${j}`} v={tick.c[j]} r={states} />,
                <Value key={`${t}h`} id={`t${t}-h-${j}`} v={tick.h[j]} r={states} />,
              ])}
              <Value id={`dc-${j}`} v={dc[j]} r={rd} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
