// The banners: the CPU fallback and why, notices (a lost GPU device, files a preset needs), and the
// message of a refused file or setting (the running session goes on; the user dismisses it).
import { useStudioState } from '../session/context';
import { Banner } from './Banner';

export function Messages() {
  const fallback = useStudioState((s) => s.info?.fallback ?? null);
  const engine = useStudioState((s) => s.info?.description ?? 'the CPU engine');
  const notice = useStudioState((s) => s.notice);
  const error = useStudioState((s) => s.error);
  const urlErrors = useStudioState((s) => s.urlErrors);
  const set = useStudioState((s) => s.set);
  return (
    <div className="messages">
      {fallback && (
        <Banner tone="warn" testId="fallback-banner">
          Running on the CPU in the worker ({engine}), not WebGPU: {fallback}. Everything works, only slower.
        </Banner>
      )}
      {urlErrors.length > 0 && (
        <Banner tone="warn" testId="url-error">
          This link has {urlErrors.length === 1 ? 'a bad setting' : `${urlErrors.length} bad settings`} (
          {urlErrors.join('; ')}); {urlErrors.length === 1 ? 'its default is' : 'their defaults are'} used.
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
