// At load, a run saved in this browser (IndexedDB) is offered: resume it from its step, or discard it.
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
  return (
    <div className="banner resume-offer" data-testid="resume-offer" data-step={saved.step} role="status">
      <span>
        Resume run <b>{saved.configName}</b> from step {saved.step} of {saved.totalSteps} (saved {formatSavedAt(saved.savedAt, now)})?
      </span>
      <button type="button" className="primary" data-testid="resume-saved" disabled={starting} onClick={() => void controller.resumeSaved()}>
        Resume
      </button>
      <button type="button" data-testid="discard-saved" disabled={starting} onClick={() => void controller.discardSaved()}>
        Discard
      </button>
    </div>
  );
}
