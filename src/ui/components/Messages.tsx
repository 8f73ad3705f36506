// The banners: the CPU fallback and why, notices (a lost GPU device, files a preset needs), and the
// message of a refused file or setting (the running session goes on; the user dismisses it).
import { useLive } from '../state/liveStore';
import { useSettings } from '../state/settingsStore';

export function Messages() {
  const fallback = useLive((s) => s.info?.fallback ?? null);
  const notice = useLive((s) => s.notice);
  const error = useLive((s) => s.error);
  const urlError = useSettings((s) => s.urlError);
  const set = useLive((s) => s.set);
  return (
    <div className="messages">
      {fallback && (
        <p className="banner banner-warn" data-testid="fallback-banner" role="status">
          Running on the CPU reference engine in the worker, not WebGPU: {fallback}. Everything works, only slower.
        </p>
      )}
      {urlError && (
        <p className="banner banner-warn" role="status">
          This link has a bad setting ({urlError}); the defaults are used.
        </p>
      )}
      {notice && (
        <p className="banner" data-testid="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="banner banner-error" data-testid="error-message" role="alert">
          {error}
          <button type="button" className="link" onClick={() => set({ error: null })} aria-label="dismiss">
            dismiss
          </button>
        </p>
      )}
    </div>
  );
}
