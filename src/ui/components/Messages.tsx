// The banners: the CPU fallback and why, notices (a lost GPU device, files a preset needs), and the
// message of a refused file or setting (the running session goes on; the user dismisses it).
import { useLive } from '../state/liveStore';
import { useSettings } from '../state/settingsStore';
import { Banner } from './Banner';

export function Messages() {
  const fallback = useLive((s) => s.info?.fallback ?? null);
  const notice = useLive((s) => s.notice);
  const error = useLive((s) => s.error);
  const urlErrors = useSettings((s) => s.urlErrors);
  const set = useLive((s) => s.set);
  return (
    <div className="messages">
      {fallback && (
        <Banner tone="warn" testId="fallback-banner">
          Running on the CPU reference engine in the worker, not WebGPU: {fallback}. Everything works, only slower.
        </Banner>
      )}
      {urlErrors.length > 0 && (
        <Banner tone="warn" testId="url-error">
          This link has {urlErrors.length === 1 ? 'a bad setting' : `${urlErrors.length} bad settings`} ({urlErrors.join('; ')});{' '}
          {urlErrors.length === 1 ? 'its default is' : 'their defaults are'} used.
        </Banner>
      )}
      {notice && <Banner testId="notice">{notice}</Banner>}
      {error && (
        <Banner tone="error" testId="error-message" onDismiss={() => set({ error: null })}>
          {error}
        </Banner>
      )}
    </div>
  );
}
