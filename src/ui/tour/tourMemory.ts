// Whether the guided tour has been seen in this browser (localStorage, one key), and whether it opens
// by itself: on a first visit only, and never in presentation mode (a shared `present=1` link opens
// straight onto the four views, so a lecture is not covered by the tour; it stays unseen for the next
// ordinary visit). Storage that throws (blocked, private mode) counts as "seen": no tour forced on
// every load.

/** The localStorage key; any value means seen. e2e fixtures set it to keep the tour out of their way. */
export const TOUR_SEEN_KEY = 'vsml-studio-tour-seen';

/** The part of Storage this needs (window.localStorage, or a plain object in tests). */
export type SeenStore = Pick<Storage, 'getItem' | 'setItem'>;

export function tourSeen(store: SeenStore | null): boolean {
  try {
    return store === null || store.getItem(TOUR_SEEN_KEY) !== null;
  } catch {
    return true;
  }
}

export function markTourSeen(store: SeenStore | null): void {
  try {
    store?.setItem(TOUR_SEEN_KEY, '1');
  } catch {
    // Storage refused: the tour may open again next time, which is harmless.
  }
}

/** The tour opens by itself when it was never seen and the page is not in presentation mode. */
export function tourOpensByItself(seen: boolean, present: boolean): boolean {
  return !seen && !present;
}

/** window.localStorage, or null where reading it throws (a sandboxed frame). */
export function browserStore(): SeenStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
