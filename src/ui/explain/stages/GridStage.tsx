// Stage 3: the grid of sub-RNNs. The whole grid's change over this example in one dimension j (a
// heatmap; hover a cell for its numbers, click to pick it), and the picked cell in full: the two
// messages it read and, per micro-tick, its gates i, f, o, g and its state c and h (CellTable).
import { useState } from 'react';
import { InfoButton } from '../../help/InfoButton';
import { CellTable } from '../CellTable';
import { ExplainHeatmap, type GridCell } from '../ExplainHeatmap';
import { cellNumbers, cellReadout, deltaSlice, fixed } from '../explainNumbers';
import { CellPicker } from './CellPicker';
import { SlicePickers } from './SlicePickers';
import { columnNames, rowShape, type StageProps } from './StageProps';

export function GridStage(p: StageProps) {
  const { ex, view } = p;
  const layer = view.cell.layer;
  const L = ex.layers[layer];
  const [hover, setHover] = useState<GridCell | null>(null);
  const names = columnNames(p, layer);
  const shape = rowShape(p, layer);
  const numbers = cellNumbers(ex, view.cell);
  const delta = deltaSlice(L, ex.stateSize, view.vector, view.j);
  return (
    <div className="stage-col">
      <SlicePickers view={view} ex={ex} />
      <figure className="stage-figure">
        <figcaption>
          How much each cell’s {view.vector === 'c' ? 'cell state c' : 'output h'} (dimension {view.j}) changed in this
          example{' '}
          <InfoButton
            id="explain-grid"
            title="The grid's change"
            what={`One square per sub-RNN (weight): ${L.A.toLocaleString('en')} rows a × ${L.B} columns b${shape ? ', each column drawn as an image of the input' : ''}. The colour is how much dimension j of its state moved during this example.`}
            read="White: no change; red: up; blue: down. Point at a cell for its numbers; click it to see all of them below."
            good="Changes where the input has ink and in the columns of the true and the predicted class: the error reaches those weights."
          />
        </figcaption>
        <ExplainHeatmap
          testId="explain-grid-map"
          values={delta}
          rows={L.A}
          cols={L.B}
          imageShape={shape}
          columnNames={names}
          label={`Change of ${view.vector} dimension ${view.j} over this example, every cell of layer ${layer + 1}`}
          caption={`Δ${view.vector} dimension ${view.j}`}
          width={Math.min(p.width, 620)}
          maxHeight={360}
          selected={view.cell}
          onHover={setHover}
          onSelect={(c) => view.setCell(c)}
        />
        <p className="stage-readout" data-testid="explain-grid-readout">
          {hover
            ? cellReadout(L, ex.stateSize, hover.a, hover.b, view.vector, view.j)
            : 'Point at a cell for its numbers; click to pick it.'}
        </p>
      </figure>
      <section className="cell-panel" aria-label="the picked cell">
        <h3>
          The picked cell{' '}
          <InfoButton
            id="explain-cell"
            title="One sub-RNN, step by step"
            what="The picked tiny LSTM: the two messages it read, then for each micro-tick its gates and state, dimension by dimension (rows j)."
            read="i (input gate) and f (forget gate) and o (output gate) run from 0 to 1; g (what to write) from −1 to 1. c′ = f·c + i·g, h′ = o·tanh(c′). Δc is the change over the example: the weight's learning step."
            good="Forget gates near 1 keep what was learned; input gates open when the error says this weight matters."
          />
        </h3>
        <CellPicker view={view} ex={ex} names={names} shape={shape} />
        <p className="stage-readout" data-testid="explain-cell-messages">
          reads forward [{Array.from(numbers.fwdIn, (v) => fixed(v, 3)).join(', ')}] and backward [
          {Array.from(numbers.bwdIn, (v) => fixed(v, 3)).join(', ')}]
        </p>
        <CellTable cell={numbers} />
      </section>
    </div>
  );
}
