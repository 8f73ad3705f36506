// Presentation mode (the `present` setting, URL key present=1): entering asks the browser for
// fullscreen (a refusal, e.g. without a user gesture, is ignored: the mode still applies in the
// window), leaving exits it, and leaving fullscreen with the browser's own Esc turns the mode off.
// While on, <html> has the class "present" (body text of 20 px, studio.css).
import { useCallback, useEffect } from 'react';
import { useStudioState } from '../session/context';

export interface PresentationActions {
  readonly present: boolean;
  enter(): void;
  leave(): void;
  toggle(): void;
}

export function usePresentation(): PresentationActions {
  const present = useStudioState((s) => s.settings.present);
  const update = useStudioState((s) => s.update);
  const enter = useCallback(() => {
    update({ present: true });
    if (!document.fullscreenElement && document.fullscreenEnabled)
      document.documentElement.requestFullscreen().catch(() => undefined);
  }, [update]);
  const leave = useCallback(() => {
    update({ present: false });
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }, [update]);
  const toggle = useCallback(() => (present ? leave() : enter()), [present, enter, leave]);
  return { present, enter, leave, toggle };
}

/** Once per page: the class on <html>, and the mode off when the browser leaves fullscreen. */
export function usePresentationSync(): void {
  const present = useStudioState((s) => s.settings.present);
  const update = useStudioState((s) => s.update);
  useEffect(() => {
    document.documentElement.classList.toggle('present', present);
  }, [present]);
  useEffect(() => {
    if (!present) return;
    const onChange = () => {
      if (!document.fullscreenElement) update({ present: false });
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [present, update]);
}
