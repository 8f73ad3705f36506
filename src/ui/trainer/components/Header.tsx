// Title, which engine trains (backend badge), steps/s and ETA, the wake lock's note.
import { formatEta, formatRate } from '../format';
import { useTrainer } from '../trainerStore';
import { WakeLockNote } from './Banners';

export function Header() {
  const info = useTrainer((s) => s.info);
  const rate = useTrainer((s) => s.frame?.stepsPerSecond ?? 0);
  const eta = useTrainer((s) => (s.frame?.state === 'running' ? s.frame.etaSeconds : null));
  return (
    <header className="top">
      <div>
        <h1>VSML meta-training</h1>
        <p className="muted small">
          Meta-train V_M, the parameters every tiny LSTM shares, in a Web Worker:{' '}
          {info ? (
            <>
              {info.method === 'es'
                ? `evolution strategies, ${info.pairs} antithetic pairs`
                : info.method === 'cma-es'
                  ? `separable CMA-ES, ${info.pairs} mirrored pairs`
                  : info.method === 'clone-backprop'
                    ? 'cloning backprop into one sub-RNN tick, random cells'
                    : `gradients through the unroll, ${info.pairs} trajectories`}{' '}
              per step, config <b>{info.configName}</b>.
            </>
          ) : (
            'choose a preset, adjust it, start.'
          )}
        </p>
      </div>
      <div className="status-line">
        <span
          className={`badge ${info?.fallback ? 'badge-warn' : ''}`}
          data-testid="backend-badge"
          title={info?.fallback ?? undefined}
        >
          {info ? info.description : 'no run yet'}
        </span>
        <span className="stat">
          <b>{formatRate(rate)}</b> steps/s · ETA <b>{formatEta(eta)}</b>
        </span>
        <WakeLockNote />
      </div>
    </header>
  );
}
