// The banners: the CPU fallback and why, the worker's notice, a rejected step (the run goes on), a
// refused start / import / file (error-message, dismissable) and the wake lock's note.
import { Banner } from '../../components/Banner';
import { useTrainer } from '../trainerStore';

export function Banners() {
  const fallback = useTrainer((s) => s.info?.fallback ?? null);
  const engine = useTrainer((s) => s.info?.description ?? 'the CPU engine');
  const notice = useTrainer((s) => s.notice);
  const error = useTrainer((s) => s.error);
  const rejection = useTrainer((s) => s.frame?.lastRejection ?? null);
  const rejected = useTrainer((s) => s.frame?.rejectedSteps.length ?? 0);
  const set = useTrainer((s) => s.set);
  return (
    <div className="messages">
      {fallback && (
        <Banner tone="warn" testId="fallback-banner">
          Training on the CPU in the worker ({engine}), not WebGPU: {fallback}.
        </Banner>
      )}
      {notice && (
        <Banner testId="notice" onDismiss={() => set({ notice: null })}>
          {notice}
        </Banner>
      )}
      {rejection && (
        <Banner tone="warn" testId="rejection">
          {rejection}; parameters and optimiser state kept, the run goes on ({rejected} rejected so far).
        </Banner>
      )}
      {error && (
        <Banner tone="error" testId="error-message" onDismiss={() => set({ error: null })}>
          {error}
        </Banner>
      )}
    </div>
  );
}

/** The wake lock's state in a few words (a missing API is a note, not an error). */
export function WakeLockNote() {
  const w = useTrainer((s) => s.wakeLock);
  const text =
    w.state === 'held'
      ? 'screen kept awake while training'
      : w.state === 'unsupported'
        ? 'this browser cannot keep the screen awake (no Wake Lock API); keep the tab visible'
        : w.state === 'refused'
          ? `screen wake lock refused: ${w.message}`
          : null;
  if (text === null) return null;
  return (
    <span className="small muted" data-testid="wake-lock" data-state={w.state}>
      {text}
    </span>
  );
}
