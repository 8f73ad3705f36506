// A run saved in this browser (IndexedDB), at load or after a failed run, is offered: resume it from its
// step, or discard it; a stored record that cannot be read is named, with Discard, never hidden.
import { useEffect, useState } from 'react';
import { useTrainerController } from '../context';
import { formatSavedAt } from '../format';
import { isActive } from '../frameChange';
import { useTrainer } from '../trainerStore';

export function ResumeOffer() {
  const controller = useTrainerController();
  const saved = useTrainer((s) => s.saved);
  const active = useTrainer((s) => isActive(s.frame?.state));
  const starting = useTrainer((s) => s.starting);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  if (!saved || active) return null;
  if ('unreadable' in saved) {
    return (
      <div className="banner banner-warn resume-offer" data-testid="saved-unreadable" role="status">
        <span>A saved run is stored in this browser but cannot be resumed: {saved.unreadable}.</span>
        <button
          type="button"
          data-testid="discard-saved"
          disabled={starting}
          onClick={() => void controller.discardSaved()}
        >
          Discard it
        </button>
      </div>
    );
  }
  return (
    <div className="banner resume-offer" data-testid="resume-offer" data-step={saved.step} role="status">
      <span>
        Resume run <b>{saved.configName}</b> from step {saved.step} of {saved.totalSteps} (saved{' '}
        {formatSavedAt(saved.savedAt, now)})?
      </span>
      <button
        type="button"
        className="primary"
        data-testid="resume-saved"
        disabled={starting}
        onClick={() => void controller.resumeSaved()}
      >
        Resume
      </button>
      <button
        type="button"
        data-testid="discard-saved"
        disabled={starting}
        onClick={() => void controller.discardSaved()}
      >
        Discard
      </button>
    </div>
  );
}
