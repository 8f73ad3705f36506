// The drawing pad: a side x side grid of ink (ink.ts) shown large (each pad pixel a visible square, as
// the learner gets it), drawn with a mouse, a finger or a pen through pointer events (the pointer is
// captured while a stroke lasts; coalesced events keep fast strokes smooth). From the keyboard: the
// arrow keys move the pen (a ring), Space puts it down or lifts it, and while it is down each move
// inks. Every change calls onChange; the grid itself is the parent's (a ref), so strokes never go
// through React state.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { inkSegment, type InkGrid } from './ink';

export interface DrawingPadProps {
  readonly ink: InkGrid;
  /** Bumped by the parent when it changes the grid itself (clear): repaint. */
  readonly revision: number;
  /** Shown size in CSS pixels. */
  readonly size: number;
  readonly disabled: boolean;
  /** A stroke (or a keyboard move with the pen down) changed the ink. */
  onChange(): void;
}

function paint(canvas: HTMLCanvasElement | null, ink: InkGrid): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  const { side, values } = ink;
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < values.length; i++) {
    const v = 255 - Math.round(values[i] * 255);
    img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = v;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

const KEY_MOVES: { readonly [key: string]: readonly [number, number] } = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function DrawingPad({ ink, revision, size, disabled, onChange }: DrawingPadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const { side } = ink;
  const [pen, setPen] = useState({ x: side / 2, y: side / 2, down: false });
  const [focused, setFocused] = useState(false);

  useEffect(() => paint(canvas.current, ink), [ink, revision]);

  const at = useCallback(
    (e: { clientX: number; clientY: number }) => {
      const r = canvas.current?.getBoundingClientRect();
      if (!r || r.width === 0 || r.height === 0) return { x: 0, y: 0 };
      return { x: ((e.clientX - r.left) / r.width) * side, y: ((e.clientY - r.top) / r.height) * side };
    },
    [side],
  );

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    if (inkSegment(ink, from.x, from.y, to.x, to.y)) {
      paint(canvas.current, ink);
      onChange();
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    last.current = p;
    stroke(p, p);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const from = last.current;
    if (!from) return;
    const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    let prev = from;
    for (const c of events.length > 0 ? events : [e.nativeEvent]) {
      const p = at(c);
      stroke(prev, p);
      prev = p;
    }
    last.current = prev;
  };
  const end = (e: PointerEvent<HTMLCanvasElement>) => {
    last.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    const move = KEY_MOVES[e.key];
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      const down = !pen.down;
      setPen({ ...pen, down });
      if (down) stroke(pen, pen);
    } else if (move) {
      e.preventDefault();
      const step = e.shiftKey ? 3 : 1;
      const next = {
        x: Math.max(0.5, Math.min(side - 0.5, pen.x + move[0] * step)),
        y: Math.max(0.5, Math.min(side - 0.5, pen.y + move[1] * step)),
        down: pen.down,
      };
      if (pen.down) stroke(pen, next);
      setPen(next);
    }
  };

  const ring = (size / side) * 3;
  return (
    <div className="pad-canvas-box" style={{ width: size, height: size }}>
      <canvas
        ref={canvas}
        width={side}
        height={side}
        className="pad-canvas"
        data-testid="pad-canvas"
        tabIndex={disabled ? -1 : 0}
        style={{ width: size, height: size }}
        role="application"
        aria-roledescription="drawing pad"
        data-arrow-keys=""
        aria-label={`Drawing pad, ${side} by ${side} pixels. Draw with the mouse, a finger or a pen; from the keyboard, the arrow keys move the pen (Shift: 3 pixels), Space puts it down or lifts it. Pen ${pen.down ? 'down' : 'up'} at column ${Math.floor(pen.x)}, row ${Math.floor(pen.y)}.`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      {focused && (
        <span
          className={pen.down ? 'pad-pen down' : 'pad-pen'}
          aria-hidden="true"
          style={{
            left: (pen.x / side) * size - ring / 2,
            top: (pen.y / side) * size - ring / 2,
            width: ring,
            height: ring,
          }}
        />
      )}
    </div>
  );
}
