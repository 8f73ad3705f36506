// Stage 2: the two messages every cell (a, b) reads. Forward, one per row a: on the first layer the
// pixel x_a in dimension 0 and zeros (drawn as the image), on a later layer the layer below's output
// for unit a. Backward, one per column b: on the last layer the previous example's error e_b in
// dimension 0. Both as heatmaps (dimension by column), the backward one's dimension 0 also as bars.
import { InfoButton } from '../../help/InfoButton';
import { ExplainHeatmap } from '../ExplainHeatmap';
import { maxAbs, messageDimension, transpose } from '../explainNumbers';
import { VectorBars } from '../VectorBars';
import { columnNames, rowShape, type StageProps } from './StageProps';

export function MessagesStage(p: StageProps) {
  const { ex } = p;
  const layer = p.view.cell.layer;
  const L = ex.layers[layer];
  const M = ex.messageSize;
  const names = columnNames(p, layer);
  const last = layer === ex.layers.length - 1;
  const shape = rowShape(p, layer);
  const half = Math.floor(p.width / 2) - 16;
  const fwd0 = messageDimension(L.fwdIn, L.A, M, 0);
  const restZero = layer === 0 && maxAbs(L.fwdIn) === maxAbs(fwd0);
  const dims = Array.from({ length: M }, (_, m) => `${m}`);
  return (
    <div className="stage-row">
      <figure className="stage-figure" data-testid="explain-forward">
        <figcaption>
          Forward message into each row a{' '}
          <InfoButton
            id="explain-forward"
            title="Forward messages"
            what={
              layer === 0
                ? 'The message each row of sub-RNNs reads from below: the pixel x_a in its first number, the rest zero.'
                : 'The message each row reads from the layer below: that layer’s averaged output for unit a.'
            }
            read="Every cell in row a reads the same forward message; blue below zero, red above."
          />
        </figcaption>
        {layer === 0 ? (
          <ExplainHeatmap
            testId="explain-forward-map"
            values={fwd0}
            rows={L.A}
            cols={1}
            imageShape={shape}
            columnNames={['dimension 0']}
            label="Forward messages, dimension 0, one per row"
            caption="fwd_a dimension 0"
            width={half}
            maxHeight={Math.min(260, half)}
          />
        ) : (
          <ExplainHeatmap
            testId="explain-forward-map"
            values={L.fwdIn}
            rows={L.A}
            cols={M}
            imageShape={null}
            columnNames={dims}
            label={`Forward messages into layer ${layer + 1}, one row per unit, one column per dimension`}
            caption="fwd_a by dimension"
            width={Math.min(half, 24 * M)}
          />
        )}
        <p className="stage-readout">
          {L.A.toLocaleString('en')} rows × {M} numbers
          {restZero ? `; dimensions 1–${M - 1} are 0 on the first layer` : ''}.
        </p>
      </figure>
      <figure className="stage-figure" data-testid="explain-backward-in">
        <figcaption>
          Backward message into each column b{' '}
          <InfoButton
            id="explain-backward-in"
            title="Backward messages"
            what={
              last
                ? 'The message each column reads from above: the previous example’s error for that class in its first number.'
                : 'The message each column reads from the layer above: its averaged backward output, passed down.'
            }
            read="Rows are the message's dimensions, columns the columns b of the grid. At the very first example it is all zero."
            good="A learner that has just been wrong shows a clear negative error at the true class and positive ones at the classes it wrongly favoured."
          />
        </figcaption>
        <ExplainHeatmap
          testId="explain-backward-map"
          values={transpose(L.bwdIn, L.B, M)}
          rows={M}
          cols={L.B}
          imageShape={null}
          columnNames={names}
          label="Backward messages: one column per grid column, one row per dimension"
          caption="bwd_b by dimension"
          width={Math.min(half, 26 * L.B)}
        />
        {last && (
          <VectorBars
            testId="explain-backward-in-bars"
            values={messageDimension(L.bwdIn, L.B, M, 0)}
            names={names}
            kind="signed"
            label="Dimension 0 of the backward message: the previous example's error per class"
            width={Math.min(half, 420)}
            height={150}
          />
        )}
      </figure>
    </div>
  );
}
