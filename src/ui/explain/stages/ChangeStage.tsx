// Stage 7: the states changed. Dimension j of c (or h) of every cell before and after the example (with
// backwardPass: after its reverse tick too), and
// the change Δ, side by side on one colour range each; hovering any of them reads that cell's numbers,
// a click picks it.
import { useState } from 'react';
import { InfoButton } from '../../help/InfoButton';
import { ExplainHeatmap, type GridCell } from '../ExplainHeatmap';
import { cellReadout, deltaSlice, maxAbs, stateAfter, stateSlice, wholeExample } from '../explainNumbers';
import { SlicePickers } from './SlicePickers';
import { columnNames, rowShape, type StageProps } from './StageProps';

export function ChangeStage(p: StageProps) {
  const { ex, view } = p;
  const layer = view.cell.layer;
  const L = wholeExample(ex, layer);
  const N = ex.stateSize;
  const [hover, setHover] = useState<GridCell | null>(null);
  const names = columnNames(p, layer);
  const shape = rowShape(p, layer);
  const before = stateSlice(L.before, L.A, L.B, N, view.vector, view.j);
  const after = stateSlice(stateAfter(L), L.A, L.B, N, view.vector, view.j);
  const delta = deltaSlice(L, N, view.vector, view.j);
  const range = Math.max(maxAbs(before), maxAbs(after));
  const w = Math.floor(p.width / 3) - 12;
  const common = {
    rows: L.A,
    cols: L.B,
    imageShape: shape,
    columnNames: names,
    width: w,
    maxHeight: 300,
    selected: view.cell,
    onHover: setHover,
    onSelect: (c: GridCell) => view.setCell(c),
  };
  const v = view.vector === 'c' ? 'cell state c' : 'output h';
  return (
    <div className="stage-col">
      <SlicePickers view={view} ex={ex} />
      <div className="stage-row">
        <figure className="stage-figure">
          <figcaption>
            Before: {v}, dimension {view.j}{' '}
            <InfoButton
              id="explain-change"
              title="The states changed"
              what="Dimension j of every cell's state before this example, after it, and the difference."
              read="Before and after share one colour range, so they compare directly; the change has its own range, so small steps show."
              good="Small, structured changes: the learner keeps what it knew and moves the weights the error points at."
            />
          </figcaption>
          <ExplainHeatmap
            testId="explain-before-map"
            values={before}
            range={range}
            label={`${v} dimension ${view.j} before the example`}
            caption="before"
            {...common}
          />
        </figure>
        <figure className="stage-figure">
          <figcaption>After</figcaption>
          <ExplainHeatmap
            testId="explain-after-map"
            values={after}
            range={range}
            label={`${v} dimension ${view.j} after the example`}
            caption="after"
            {...common}
          />
        </figure>
        <figure className="stage-figure">
          <figcaption>Change Δ</figcaption>
          <ExplainHeatmap
            testId="explain-delta-map"
            values={delta}
            label={`Change of ${v} dimension ${view.j}`}
            caption="after − before"
            {...common}
          />
        </figure>
      </div>
      <p className="stage-readout" data-testid="explain-change-readout">
        {hover
          ? cellReadout(L, N, hover.a, hover.b, view.vector, view.j)
          : 'Point at a cell in any of the three to read its numbers.'}
      </p>
    </div>
  );
}
