// "What VSML reads": the drawing after the session's data path (the worker's reply: resized, shuffled
// if the task shuffles, normalised), as a small grey image, so the page shows that the drawing went the
// same way as the data set's pictures.
import { useEffect, useRef } from 'react';
import { drawGreyImage } from '../components/greyImage';

export function PadInput({
  input,
  shape,
}: {
  readonly input: Float32Array;
  readonly shape: { readonly height: number; readonly width: number; readonly channels: number } | null;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawGreyImage(canvas.current, input, shape);
  }, [input, shape]);
  return (
    <figure className="pad-input" data-testid="pad-input" data-size={input.length}>
      <canvas
        ref={canvas}
        width={84}
        height={84}
        role="img"
        aria-label="the drawing as the learner reads it, after the task's data path"
      />
      <figcaption className="small muted">what VSML reads ({input.length} inputs)</figcaption>
    </figure>
  );
}
