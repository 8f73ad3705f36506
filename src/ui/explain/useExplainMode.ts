// Whether the page shows "explain this step" in place of the live views. Opening remembers whether
// the session was playing (explaining pauses it, one example at a time); closing plays it again if it
// did, and gives the focus back to the toolbar's "Explain this step".
import { useCallback, useRef, useState } from 'react';
import { useStudio, useStudioState } from '../session/context';

export interface ExplainMode {
  readonly open: boolean;
  show(): void;
  close(): void;
}

export function useExplainMode(): ExplainMode {
  const studio = useStudio();
  const playing = useStudioState((s) => s.playing);
  const [open, setOpen] = useState(false);
  const wasPlaying = useRef(false);
  const show = useCallback(() => {
    wasPlaying.current = playing;
    setOpen(true);
  }, [playing]);
  const close = useCallback(() => {
    setOpen(false);
    if (wasPlaying.current) studio.play();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="explain-open"]')?.focus());
  }, [studio]);
  return { open, show, close };
}
