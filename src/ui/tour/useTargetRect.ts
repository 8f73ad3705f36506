// The viewport box of the element a tour step points at, followed once per animation frame while the
// step shows (the page keeps laying out as frames arrive, the user scrolls, a drawer opens), and the
// element scrolled into view when the step begins. Null while no element matches.
import { useEffect, useState } from 'react';
import type { Box } from '../help/placePopover';

const same = (a: Box | null, b: Box | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height);

export function useTargetRect(selector: string | null): Box | null {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    let frame = 0;
    let scrolled = false;
    const measure = () => {
      const el = selector ? document.querySelector(selector) : null;
      let next: Box | null = null;
      if (el) {
        if (!scrolled) {
          el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          scrolled = true;
        }
        const r = el.getBoundingClientRect();
        next = r.width > 0 || r.height > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
      }
      setBox((prev) => (same(prev, next) ? prev : next));
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(frame);
  }, [selector]);
  return box;
}
