// The "i" beside a chart's title: a real button (aria-expanded, aria-controls) that opens a small
// non-modal popover saying in plain words what the chart plots, how to read it and what a good learner
// looks like (three labelled parts, then any extra children). The popover is put at the end of <body> (no card's
// overflow or filter clips it), placed
// beside the button inside the viewport (placePopover), and closes on Escape, its close button, Tab,
// or a click elsewhere; Escape, close and Tab give the focus back to the button.
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { placePopover, type Placement } from './placePopover';
import './infoButton.css';

export interface InfoButtonProps {
  /** Names the test ids: the button is `info-<id>`, the popover `info-<id>-popover`. */
  readonly id: string;
  /** The popover's heading, e.g. "Cumulative accuracy"; the button is named "About: <title>". */
  readonly title: string;
  /** What is plotted, in plain words ("What it shows"). */
  readonly what: ReactNode;
  /** How to read it ("How to read it"). */
  readonly read?: ReactNode;
  /** What a good learner looks like ("What good looks like"). */
  readonly good?: ReactNode;
  /** Anything more, after the three parts (e.g. a link to the About page). */
  readonly children?: ReactNode;
}

export function InfoButton({ id, title, what, read, good, children }: InfoButtonProps) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<Placement | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const popoverId = useId();
  const titleId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setPlace(null);
    if (refocus) button.current?.focus();
  }, []);

  const reposition = useCallback(() => {
    const b = button.current?.getBoundingClientRect();
    const p = popover.current;
    if (!b || !p) return;
    setPlace(
      placePopover(
        b,
        { width: p.offsetWidth, height: p.scrollHeight },
        { width: document.documentElement.clientWidth, height: window.innerHeight },
      ),
    );
  }, []);

  useLayoutEffect(() => {
    if (!open) return;
    reposition();
    popover.current?.focus();
  }, [open, reposition]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      const t = e.target instanceof Node ? e.target : null;
      if (t && !popover.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
    };
  }, [open, close, reposition]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    }
  };

  return (
    <>
      <button
        type="button"
        ref={button}
        className="info-button"
        data-testid={`info-${id}`}
        aria-label={`About: ${title}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        i
      </button>
      {typeof document !== 'undefined' &&
        createPortal(
          <div
            id={popoverId}
            ref={popover}
            role="dialog"
            aria-modal="false"
            aria-labelledby={titleId}
            tabIndex={-1}
            hidden={!open}
            className="info-popover"
            data-testid={`info-${id}-popover`}
            onKeyDown={onKeyDown}
            style={
              place ? { left: place.left, top: place.top, maxHeight: place.maxHeight } : { left: 0, top: 0, opacity: 0 }
            }
          >
            <div className="info-popover-head">
              <h2 id={titleId}>{title}</h2>
              <button
                type="button"
                className="info-close"
                aria-label="Close"
                data-testid={`info-${id}-close`}
                onClick={() => close(true)}
              >
                ✕
              </button>
            </div>
            <dl className="info-popover-body">
              <dt>What it shows</dt>
              <dd>{what}</dd>
              {read !== undefined && (
                <>
                  <dt>How to read it</dt>
                  <dd>{read}</dd>
                </>
              )}
              {good !== undefined && (
                <>
                  <dt>What good looks like</dt>
                  <dd>{good}</dd>
                </>
              )}
            </dl>
            {children}
          </div>,
          document.body,
        )}
    </>
  );
}
