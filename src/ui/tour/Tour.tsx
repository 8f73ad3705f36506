// The guided tour: one step at a time, a ring around the live view the step talks about (the rest of
// the page dimmed, still usable: the ring and the dimming take no clicks) and a non-modal dialog beside
// it with the step's words, "step k of n" and Back / Next / Skip. The focus moves to each step's
// heading and, when the tour closes, back to where it was (or to the Tour button). Escape skips (from
// the dialog or with nothing focused); ← and → go back and on while the dialog has the focus.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { placePopover, type Box, type Placement } from '../help/placePopover';
import { TOUR_STEPS } from './tourSteps';
import { useTargetRect } from './useTargetRect';
import './tour.css';

/** Space between a target and its ring, px. */
const RING = 6;

export function Tour({ onClose }: { readonly onClose: () => void }) {
  const [index, setIndex] = useState(0);
  const step = TOUR_STEPS[index];
  const last = index === TOUR_STEPS.length - 1;
  const target = useTargetRect(step.target);
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  // Back to where the focus was when the tour opened (the Tour button, or the page on a first visit).
  useEffect(() => {
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    return () => {
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-testid="tour-open"]');
      back?.focus();
    };
  }, []);

  useEffect(() => heading.current?.focus({ preventScroll: true }), [index]);

  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
    const anchor = target ? clipTo(ring(target), viewport) : null;
    const size = { width: d.offsetWidth, height: d.scrollHeight };
    const next = anchor
      ? placePopover(anchor, size, viewport)
      : {
          left: Math.max(8, (viewport.width - size.width) / 2),
          top: Math.max(8, (viewport.height - size.height) / 2),
          maxHeight: viewport.height - 16,
          side: 'below' as const,
        };
    setPlace((p) => (p && p.left === next.left && p.top === next.top && p.maxHeight === next.maxHeight ? p : next));
  }, [target, index]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const active = document.activeElement;
      if (active === null || active === document.body || dialog.current?.contains(active)) {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const go = (to: number) => setIndex(Math.max(0, Math.min(TOUR_STEPS.length - 1, to)));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLAnchorElement) return;
    if (e.key === 'ArrowRight' && !last) go(index + 1);
    else if (e.key === 'ArrowLeft' && index > 0) go(index - 1);
    else return;
    e.preventDefault();
  };

  const r = target ? ring(target) : null;
  return createPortal(
    <>
      {r && (
        <div
          className="tour-ring"
          data-testid="tour-highlight"
          data-step={step.id}
          style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
        />
      )}
      {!r && <div className="tour-dim" />}
      <div
        ref={dialog}
        className="tour-popover"
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="tour"
        data-step={step.id}
        data-arrow-keys=""
        onKeyDown={onKeyDown}
        style={
          place ? { left: place.left, top: place.top, maxHeight: place.maxHeight } : { left: 0, top: 0, opacity: 0 }
        }
      >
        <p className="tour-count" data-testid="tour-count">
          Tour: step {index + 1} of {TOUR_STEPS.length}
        </p>
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {step.title}
        </h2>
        <div id={bodyId} className="tour-body">
          {step.body}
        </div>
        <div className="tour-buttons">
          {!last && (
            <button type="button" className="link" data-testid="tour-skip" onClick={onClose}>
              Skip tour
            </button>
          )}
          <span className="tour-nav">
            <button type="button" data-testid="tour-back" disabled={index === 0} onClick={() => go(index - 1)}>
              ◂ Back
            </button>
            {last ? (
              <button type="button" className="primary" data-testid="tour-done" onClick={onClose}>
                Done
              </button>
            ) : (
              <button type="button" className="primary" data-testid="tour-next" onClick={() => go(index + 1)}>
                Next ▸
              </button>
            )}
          </span>
        </div>
      </div>
    </>,
    document.body,
  );
}

const ring = (b: Box): Box => ({
  left: b.left - RING,
  top: b.top - RING,
  width: b.width + 2 * RING,
  height: b.height + 2 * RING,
});

/** The part of a box inside the viewport (a tall card scrolled half out places its popover by what shows). */
function clipTo(b: Box, v: { readonly width: number; readonly height: number }): Box {
  const left = Math.max(0, b.left);
  const top = Math.max(0, b.top);
  return {
    left,
    top,
    width: Math.max(0, Math.min(v.width, b.left + b.width) - left),
    height: Math.max(0, Math.min(v.height, b.top + b.height) - top),
  };
}
