// The page's one keydown listener: each key press is described (describeTarget) and decided
// (shortcutFor); a shortcut runs its action and the browser's default for that key is cancelled, any
// other key goes to the focused control untouched.
import { useEffect, useRef } from 'react';
import { describeTarget } from './describeTarget';
import { shortcutFor, type Shortcut } from './shortcuts';

/** What each shortcut does; an action answering false did nothing (the key keeps its default). */
export type ShortcutActions = { readonly [S in Shortcut]: () => boolean | void };

export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const shortcut = shortcutFor(e.key, describeTarget(e.target), e.ctrlKey || e.metaKey || e.altKey);
      if (shortcut && latest.current[shortcut]() !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
