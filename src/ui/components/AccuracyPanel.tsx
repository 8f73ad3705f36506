// Cumulative accuracy vs examples seen: VSML (mean ± std over the S runs) beside the baselines and
// any learned learners without variable sharing on the same streams; log x on request; the data as CSV or JSON. The
// chart takes its card's width (and, in
// presentation mode, its grid cell's height).
import { useMemo } from 'react';
import { AccuracyChart } from '../charts/AccuracyChart';
import { accuracyCsv, accuracyJson, downloadBlob } from '../charts/export';
import { useStudio, useStudioState } from '../session/context';
import { AccuracyInfo } from '../help/chartHelp';
import { learnerLabel } from './labels';
import { useSize } from '../layout/useSize';

export function AccuracyPanel() {
  const studio = useStudio();
  const [box, size] = useSize<HTMLDivElement>({ width: 560, height: 336 });
  const present = useStudioState((s) => s.settings.present);
  const accuracy = useStudioState((s) => s.frame?.accuracy);
  const runs = useStudioState((s) => s.info?.runs ?? 0);
  const learned = useStudioState((s) => s.info?.learned);
  const logX = useStudioState((s) => s.settings.logX);
  const update = useStudioState((s) => s.update);
  const curves = useMemo(
    () =>
      accuracy
        ? Object.entries(accuracy).map(([name, c]) => ({
            name,
            label: learnerLabel(name, learned),
            x: c.x,
            mean: c.mean,
            std: c.std,
          }))
        : [],
    [accuracy, learned],
  );
  const exportData = async (kind: 'csv' | 'json') => {
    const data = await studio.curves();
    if (!data) return;
    const text = kind === 'csv' ? accuracyCsv(data) : accuracyJson(data);
    downloadBlob(new Blob([text], { type: kind === 'csv' ? 'text/csv' : 'application/json' }), `vsml-accuracy.${kind}`);
  };
  return (
    <section className="card" aria-label="cumulative accuracy">
      <header className="card-head">
        <div className="with-info">
          <h2>
            {present
              ? `Cumulative accuracy, ${runs} run${runs === 1 ? '' : 's'}`
              : `Cumulative accuracy, mean ± std over ${runs} run${runs === 1 ? '' : 's'}`}
          </h2>
          <AccuracyInfo />
        </div>
        <div className="row small view-options">
          <label>
            <input
              type="checkbox"
              checked={logX}
              data-testid="log-x"
              onChange={(e) => update({ logX: e.target.checked })}
            />
            log x
          </label>
          <button type="button" className="link" data-testid="export-csv" onClick={() => void exportData('csv')}>
            CSV
          </button>
          <button type="button" className="link" data-testid="export-json" onClick={() => void exportData('json')}>
            JSON
          </button>
        </div>
      </header>
      <div className="chart-box" ref={box}>
        <AccuracyChart
          curves={curves}
          logX={logX}
          width={size.width}
          height={present ? size.height : Math.round(Math.min(420, Math.max(260, size.width * 0.6)))}
        />
      </div>
    </section>
  );
}
