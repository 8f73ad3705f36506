// Stage 6: the error entering as the backward message the next example reads (nextBwdIn of the shown
// layer; with backwardPass, the reverse tick's bwdIn, read within this example): on the last layer e_b
// in dimension 0 of column b's message; on a hidden layer the mean backward message of the layer above.
import { InfoButton } from '../../help/InfoButton';
import { ExplainHeatmap } from '../ExplainHeatmap';
import { messageDimension, transpose } from '../explainNumbers';
import { VectorBars } from '../VectorBars';
import { columnNames, type StageProps } from './StageProps';

export function BackwardStage(p: StageProps) {
  const { ex } = p;
  const layer = p.view.cell.layer;
  const L = ex.layers[layer];
  const M = ex.messageSize;
  const reverse = ex.reverseTick?.[layer] ?? null;
  const next = reverse ? reverse.bwdIn : ex.nextBwdIn[layer];
  const when = reverse ? `in the reverse tick of example ${ex.example + 1}` : `at example ${ex.example + 2}`;
  const names = columnNames(p, layer);
  return (
    <div className="stage-col">
      <figure className="stage-figure">
        <figcaption>
          Backward message of each column b {when}, dimension 0{' '}
          <InfoButton
            id="explain-next-backward"
            title="The error, fed back"
            what={
              reverse
                ? 'What every cell of column b reads from above in the reverse tick that follows the prediction (backwardPass), with the same image.'
                : 'What every cell of column b will read from above when the next example arrives.'
            }
            read={
              layer === ex.layers.length - 1
                ? `Dimension 0 is the error e_b; the rest are zero. ${reverse ? 'It arrives at once, in a second tick through the layers from the top down, with the same image.' : 'It arrives together with the next image, so the learner learns while it predicts.'}`
                : 'The layer above passes the error down as its own averaged backward message.'
            }
          />
        </figcaption>
        <VectorBars
          testId="explain-next-backward"
          values={messageDimension(next, L.B, M, 0)}
          names={names}
          kind="signed"
          label="Next backward message, dimension 0, per column"
          width={Math.min(p.width, 560)}
          height={170}
        />
      </figure>
      <figure className="stage-figure">
        <figcaption>All {M} dimensions, one column per b</figcaption>
        <ExplainHeatmap
          testId="explain-next-backward-map"
          values={transpose(next, L.B, M)}
          rows={M}
          cols={L.B}
          imageShape={null}
          columnNames={names}
          label="Next backward message, every dimension"
          caption="bwd_b by dimension"
          width={Math.min(p.width, 26 * L.B)}
        />
      </figure>
    </div>
  );
}
