// Files in and out: the checkpoint (resume anywhere: import resumes it) and the learner (V_M, for the
// studio or `vsml evaluate`; a learner from disk can start a run as its `init`), and "Open in studio",
// which hands the current V_M to the studio in this browser and opens it on the task the run trains on,
// asking first (LeaveTrainingDialog) when that leaves a running training.
import { useState } from 'react';
import { useTrainerController } from '../context';
import { isActive, isRunning } from '../frameChange';
import { useTrainer } from '../trainerStore';
import { LeaveTrainingDialog } from './LeaveTrainingDialog';

export function FilesPanel() {
  const controller = useTrainerController();
  const hasRun = useTrainer((s) => s.info !== null);
  const active = useTrainer((s) => isActive(s.frame?.state));
  const init = useTrainer((s) => (typeof s.doc.init === 'string' ? s.doc.init : null));
  const running = useTrainer((s) => isRunning(s.frame?.state));
  const step = useTrainer((s) => s.frame?.step ?? 0);
  const totalSteps = useTrainer((s) => s.frame?.totalSteps ?? 0);
  const task = useTrainer((s) => s.info?.task ?? null);
  const [asking, setAsking] = useState(false);
  return (
    <section className="panel" aria-label="files">
      <h3>Checkpoint and learner</h3>
      <div className="row">
        <button
          type="button"
          data-testid="export-checkpoint"
          disabled={!hasRun}
          onClick={() => void controller.exportCheckpoint()}
        >
          Export checkpoint
        </button>
        <label className="file-button">
          Import checkpoint…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-checkpoint"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void controller.importCheckpoint(file);
            }}
          />
        </label>
      </div>
      <div className="row">
        <button
          type="button"
          data-testid="export-learner"
          disabled={!hasRun}
          onClick={() => void controller.exportLearner()}
        >
          Export learner
        </button>
        <button
          type="button"
          data-testid="open-in-studio"
          disabled={!hasRun}
          onClick={() => (running ? setAsking(true) : void controller.openInStudio())}
        >
          Open in studio
        </button>
      </div>
      {asking && (
        <LeaveTrainingDialog
          step={step}
          totalSteps={totalSteps}
          task={task}
          onStay={() => setAsking(false)}
          onLeave={() => {
            setAsking(false);
            void controller.openInStudio();
          }}
        />
      )}
      <label className="file small">
        <span>
          start from a learner file (config <code>init</code>): <b>{init ?? 'none'}</b>
        </span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-learner"
          disabled={active}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void controller.loadInitLearner(file);
          }}
        />
      </label>
      {init !== null && !active && (
        <button type="button" className="link small" onClick={() => controller.clearInitLearner()}>
          start from the seed instead
        </button>
      )}
    </section>
  );
}
