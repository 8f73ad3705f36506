// Stage 1: the input. The example as the eye sees it (grey, upscaled) beside the numbers the grid
// reads (x_a after the stream's normalisation, blue below zero, red above); hovering a pixel reads
// its x_a.
import { useEffect, useRef, useState } from 'react';
import { drawGreyImage } from '../../components/greyImage';
import { InfoButton } from '../../help/InfoButton';
import { ExplainHeatmap, type GridCell } from '../ExplainHeatmap';
import { fixed } from '../explainNumbers';
import type { StageProps } from './StageProps';

export function InputStage(p: StageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<GridCell | null>(null);
  const { ex, imageShape } = p;
  useEffect(() => {
    if (canvas.current) drawGreyImage(canvas.current, ex.input, imageShape);
  }, [ex, imageShape]);
  const side = Math.min(224, Math.floor(p.width / 2) - 16);
  const W = imageShape?.width ?? Math.ceil(Math.sqrt(ex.input.length));
  const where = hover
    ? `pixel ${hover.a}${imageShape ? ` (row ${Math.floor(hover.a / imageShape.channels / W)}, column ${Math.floor(hover.a / imageShape.channels) % W})` : ''}: x = ${fixed(ex.input[hover.a])}`
    : 'Point at a pixel to read its number.';
  return (
    <div className="stage-row">
      <figure className="stage-figure">
        <figcaption>
          The image{' '}
          <InfoButton
            id="explain-input"
            title="The input image"
            what="This example's pixels, drawn in grey (ink dark)."
            read="It is the picture the learner gets; the label is revealed only after it predicts."
          />
        </figcaption>
        <canvas
          ref={canvas}
          data-testid="explain-input-image"
          width={side}
          height={side}
          style={{ width: side, height: side }}
          role="img"
          aria-label="the example's input image"
        />
      </figure>
      <figure className="stage-figure">
        <figcaption>
          What the grid reads: x<sub>a</sub>{' '}
          <InfoButton
            id="explain-input-values"
            title="Normalised inputs x"
            what="The same pixels as numbers, after the normalisation and transforms the stream applies: one number x_a per pixel a."
            read="Blue is below zero (the paper-white background after normalisation), red above (the ink). Each number becomes the forward message of one row of sub-RNNs."
          />
        </figcaption>
        <ExplainHeatmap
          testId="explain-input-values"
          values={ex.input}
          rows={ex.input.length}
          cols={1}
          imageShape={imageShape}
          columnNames={['']}
          label="The normalised input values"
          caption="x: blue < 0 < red"
          width={side}
          maxHeight={side}
          onHover={setHover}
        />
        <p className="stage-readout" data-testid="explain-input-readout">
          {where}
        </p>
      </figure>
    </div>
  );
}
