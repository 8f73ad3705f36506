// The current example (run 0), upscaled to `size` px square, with the prediction made before its label
// and then the label.
import { useEffect, useRef } from 'react';
import { useStudioState } from '../session/context';
import { drawGreyImage } from './greyImage';

export function ExampleView({ size }: { readonly size: number }) {
  const frame = useStudioState((s) => s.frame);
  const info = useStudioState((s) => s.info);
  const canvas = useRef<HTMLCanvasElement>(null);
  const shape = info?.imageShape ?? null;

  useEffect(() => {
    const c = canvas.current;
    if (!c || !frame || frame.examplesSeen === 0) return;
    drawGreyImage(c, frame.input, shape);
  }, [frame, shape, size]);

  const names = info?.classNames ?? [];
  const seen = frame?.examplesSeen ?? 0;
  const right = frame && frame.label >= 0 && frame.predicted === frame.label;
  return (
    <figure className="example">
      <canvas
        ref={canvas}
        width={size}
        height={size}
        style={{ width: size, height: size }}
        data-testid="input-image"
        role="img"
        aria-label="the current example's input"
      />
      <figcaption>
        {seen === 0 || !frame ? (
          <span className="muted">no example yet</span>
        ) : (
          <>
            <div>
              predicted <b>{names[frame.predicted] ?? frame.predicted}</b>
            </div>
            <div>
              label <b>{names[frame.label] ?? frame.label}</b>{' '}
              <span className={right ? 'ok' : 'bad'}>{right ? '✓' : '✗'}</span>
            </div>
          </>
        )}
      </figcaption>
    </figure>
  );
}
