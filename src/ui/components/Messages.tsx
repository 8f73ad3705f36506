// The banners: the CPU fallback and why, notices (a lost GPU device, files a preset needs), and the
// message of a refused file or setting (the running session goes on; the user dismisses it).
import { useLive } from '../state/liveStore';
import { useSettings } from '../state/settingsStore';
import { Banner } from './Banner';

export function Messages() {
  const fallback = useLive((s) => s.info?.fallback ?? null);
  const notice = useLive((s) => s.notice);
  const error = useLive((s) => s.error);
  const urlError = useSettings((s) => s.urlError);
  const set = useLive((s) => s.set);
  return (
    <div className="messages">
      {fallback && (
        <Banner tone="warn" testId="fallback-banner">
          Running on the CPU reference engine in the worker, not WebGPU: {fallback}. Everything works, only slower.
        </Banner>
      )}
      {urlError && <Banner tone="warn">This link has a bad setting ({urlError}); the defaults are used.</Banner>}
      {notice && <Banner testId="notice">{notice}</Banner>}
      {error && (
        <Banner tone="error" testId="error-message" onDismiss={() => set({ error: null })}>
          {error}
        </Banner>
      )}
    </div>
  );
}
