// Whether the guided tour shows: it opens by itself on a first visit (not in presentation mode, see
// tourMemory.ts) and is marked seen as it opens, so a reload does not show it again; the toolbar's
// Tour button opens it any time.
import { useCallback, useEffect, useState } from 'react';
import { browserStore, markTourSeen, tourOpensByItself, tourSeen } from './tourMemory';

export interface TourControl {
  readonly open: boolean;
  show(): void;
  close(): void;
}

export function useTour(present: boolean): TourControl {
  const [open, setOpen] = useState(false);
  // Decided once, for the page as it opened; a later switch into presentation mode does not reopen it.
  const [presentAtLoad] = useState(present);
  useEffect(() => {
    const store = browserStore();
    if (!tourOpensByItself(tourSeen(store), presentAtLoad)) return;
    markTourSeen(store);
    setOpen(true);
  }, [presentAtLoad]);
  const show = useCallback(() => {
    markTourSeen(browserStore());
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  return { open, show, close };
}
