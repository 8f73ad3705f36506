// Start, pause / resume and stop; the check's verdict, the progress bar, steps/s and ETA.
import { useTrainerController } from '../context';
import { formatEta, formatProgress, formatRate } from '../format';
import { isActive } from '../frameChange';
import { useTrainer } from '../trainerStore';

const STATE_WORDS: { readonly [s: string]: string } = {
  idle: 'not started',
  running: 'training',
  paused: 'paused',
  stopped: 'stopped',
  done: 'done',
  failed: 'failed',
};

export function RunPanel() {
  const controller = useTrainerController();
  const state = useTrainer((s) => s.frame?.state ?? (s.info ? 'running' : 'idle'));
  const step = useTrainer((s) => s.frame?.step ?? 0);
  const total = useTrainer(
    (s) => s.frame?.totalSteps ?? s.info?.totalSteps ?? (typeof s.doc.steps === 'number' ? s.doc.steps : 0),
  );
  const rate = useTrainer((s) => s.frame?.stepsPerSecond ?? 0);
  const eta = useTrainer((s) => s.frame?.etaSeconds ?? null);
  const saved = useTrainer((s) => s.frame?.lastSavedStep ?? null);
  const check = useTrainer((s) => s.check);
  const starting = useTrainer((s) => s.starting);
  const active = isActive(state);
  const canStart = !active && !starting && check.state === 'ok';
  return (
    <section className="panel run-panel" aria-label="run">
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="start"
          disabled={!canStart}
          onClick={() => void controller.start()}
        >
          {starting ? 'Starting…' : 'Start'}
        </button>
        <button
          type="button"
          data-testid="pause-resume"
          disabled={!active}
          onClick={() => void controller.pauseResume()}
        >
          {state === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" data-testid="stop" disabled={!active} onClick={() => void controller.stop()}>
          Stop
        </button>
        <span className="small muted" data-testid="run-state">
          {STATE_WORDS[state] ?? state}
        </span>
      </div>
      <p className="small" data-testid="check-status">
        {check.state === 'checking' && <span className="muted">checking the config…</span>}
        {check.state === 'ok' && <span className="ok">{check.summary}</span>}
        {check.state === 'bad' && <span className="bad">{check.message}</span>}
      </p>
      <progress data-testid="progress" value={step} max={Math.max(1, total)} data-step={step} data-total={total} />
      <div className="row small">
        <span>{formatProgress(step, total)}</span>
        <span>
          <b data-testid="steps-per-second">{formatRate(rate)}</b> steps/s
        </span>
        <span>
          ETA <b data-testid="eta">{state === 'running' ? formatEta(eta) : '—'}</b>
        </span>
        {saved !== null && (
          <span className="muted" data-testid="last-saved">
            saved at step {saved}
          </span>
        )}
      </div>
    </section>
  );
}
