// Asked before "Open in studio" leaves a running training: a modal <dialog> (not window.confirm, which
// blocks the page and its tests) naming what happens — the run pauses and its checkpoint is saved in
// this browser (kept: Resume on this page continues it), and the studio opens this learner on the task
// it trains on. "Keep training" (focused first) or Escape closes it and the run goes on.
import { useEffect, useId, useRef } from 'react';
import type { TrainedTask } from '../../../worker/trainer/contract';
import { taskWords } from '../studioLink';

export interface LeaveTrainingDialogProps {
  readonly step: number;
  readonly totalSteps: number;
  readonly task: TrainedTask | null;
  readonly onLeave: () => void;
  readonly onStay: () => void;
}

export function LeaveTrainingDialog({ step, totalSteps, task, onLeave, onStay }: LeaveTrainingDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    stay.current?.focus();
    return () => opener?.focus();
  }, []);
  const others =
    task && task.otherVariants > 0 ? ` (the first of the ${task.otherVariants + 1} tasks it trains on)` : '';
  return (
    <dialog
      ref={dialogRef}
      className="shortcuts-dialog leave-dialog"
      aria-labelledby={titleId}
      onClose={onStay}
      data-testid="leave-training"
    >
      <h2 id={titleId}>Leave the training for the studio?</h2>
      <p data-testid="leave-training-text">
        Training is running (step {step} of {totalSteps}). Opening the studio <b>pauses it</b>: a checkpoint of the step
        it is on is saved in this browser (kept), and <b>Resume</b> on this page continues from there; nothing is lost
        but the time it stays paused. The studio opens this learner on{' '}
        <b>{task ? taskWords(task) : 'its default task'}</b>
        {others}, test split.
      </p>
      <div className="row">
        <button type="button" className="primary" data-testid="leave-confirm" onClick={onLeave}>
          Pause and open in studio
        </button>
        <button type="button" data-testid="leave-cancel" ref={stay} onClick={onStay}>
          Keep training
        </button>
      </div>
    </dialog>
  );
}
