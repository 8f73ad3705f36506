// Whether a pulled frame changes what the screen shows. The page pulls at most one frame per animation
// frame but a step takes about a second, so most frames repeat the last; only a changed one goes into
// the store (and re-renders the charts). Pure (no DOM).
import type { TrainerFrame } from '../../worker/trainer/contract';

export function frameChanged(prev: TrainerFrame | null, next: TrainerFrame): boolean {
  if (prev === null) return true;
  return (
    prev.state !== next.state ||
    prev.step !== next.step ||
    prev.totalSteps !== next.totalSteps ||
    prev.evaluations.length !== next.evaluations.length ||
    prev.lastSavedStep !== next.lastSavedStep ||
    prev.lastRejection !== next.lastRejection ||
    prev.notice !== next.notice ||
    prev.stepsPerSecond !== next.stepsPerSecond ||
    prev.etaSeconds !== next.etaSeconds ||
    prev.losses.length !== next.losses.length
  );
}

/** Whether the run in this state is still going (the wake lock is wanted, frames keep coming). */
export const isRunning = (state: TrainerFrame['state'] | undefined): boolean => state === 'running';

/** Whether a run exists that pause / resume / stop act on. */
export const isActive = (state: TrainerFrame['state'] | undefined): boolean =>
  state === 'running' || state === 'paused';
