// The live views: meta-loss per step, the held-out evaluations, the last step's population.
import { useMemo } from 'react';
import { useSize } from '../../layout/useSize';
import { EvalChart } from '../charts/EvalChart';
import { LossChart } from '../charts/LossChart';
import { PopulationHistogram } from '../charts/PopulationHistogram';
import { evalSeries } from '../evalSeries';
import { lossPointCount } from '../lossSeries';
import { useTrainer } from '../trainerStore';

const EMPTY = new Float64Array(0);
const NO_STEPS = new Int32Array(0);

export function LossCard() {
  const [box, { width }] = useSize<HTMLDivElement>({ width: 640, height: 0 });
  const frame = useTrainer((s) => s.frame);
  const losses = frame?.losses ?? EMPTY;
  const n = lossPointCount(losses, frame?.step ?? 0);
  const last = n > 0 ? frame?.lossesSmoothed[n - 1] : undefined;
  return (
    <section className="card wide" aria-label="meta-loss">
      <header className="card-head">
        <h2>Meta-loss per step</h2>
        <span className="small muted">
          {last !== undefined && Number.isFinite(last) ? `moving average ${last.toFixed(4)}` : ''}
        </span>
      </header>
      {(frame?.historyFrom ?? 0) > 0 && (
        <p className="small muted">
          Resumed from a checkpoint file, which carries no history: the losses of steps 1–{frame?.historyFrom} are not
          known.
        </p>
      )}
      <div ref={box}>
        <LossChart
          losses={losses}
          smoothed={frame?.lossesSmoothed ?? EMPTY}
          rejected={frame?.rejectedSteps ?? NO_STEPS}
          n={n}
          width={width}
          height={Math.round(Math.min(360, Math.max(240, width * 0.4)))}
        />
      </div>
    </section>
  );
}

export function EvalCard() {
  const [box, { width }] = useSize<HTMLDivElement>({ width: 480, height: 0 });
  const evaluations = useTrainer((s) => s.frame?.evaluations);
  const names = useTrainer((s) => s.info?.evaluationNames);
  const total = useTrainer(
    (s) => s.frame?.totalSteps ?? s.info?.totalSteps ?? (typeof s.doc.steps === 'number' ? s.doc.steps : 1),
  );
  const series = useMemo(() => evalSeries(evaluations ?? [], names ?? []), [evaluations, names]);
  return (
    <section className="card" aria-label="held-out evaluations">
      <header className="card-head">
        <h2>Held-out evaluations</h2>
      </header>
      <div ref={box}>
        <EvalChart series={series} totalSteps={total} width={width} height={280} />
      </div>
    </section>
  );
}

export function PopulationCard() {
  const [box, { width }] = useSize<HTMLDivElement>({ width: 420, height: 0 });
  const losses = useTrainer((s) => s.frame?.populationLosses ?? EMPTY);
  const step = useTrainer((s) => s.frame?.step ?? 0);
  const method = useTrainer((s) => s.info?.method ?? 'es');
  return (
    <section className="card" aria-label="population">
      <header className="card-head">
        <h2>{method === 'gradient' ? 'Trajectories' : 'Population'} of the last step</h2>
      </header>
      <div ref={box}>
        <PopulationHistogram
          losses={losses}
          unit={method === 'gradient' ? 'trajectory' : 'rollout'}
          step={step}
          width={width}
          height={256}
        />
      </div>
    </section>
  );
}
