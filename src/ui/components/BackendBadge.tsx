// Which adapter computes (and whether it is a software/fallback one), and the live throughput.
import { format } from 'd3-format';
import { useStudioState } from '../session/context';

const si = format('.3~s');

export function BackendBadge() {
  const info = useStudioState((s) => s.info);
  const speed = useStudioState((s) => s.frame?.speed);
  const seen = useStudioState((s) => s.frame?.examplesSeen ?? 0);
  // The worker's loop as the last frame saw it: "false" once a pause has let the block in flight end.
  const looping = useStudioState((s) => s.frame?.playing ?? false);
  const label = info ? info.description : 'starting…';
  return (
    <div className="status-line">
      <span className={`badge ${info?.fallback ? 'badge-warn' : ''}`} data-testid="backend-badge" title={info?.fallback ?? undefined}>
        {label}
      </span>
      <span className="stat">
        <b data-testid="examples-seen" data-playing={String(looping)}>{seen}</b> examples seen
      </span>
      <span className="stat" data-testid="speed">
        {speed ? `${si(speed.examplesPerSecond)} examples/s · ${si(speed.cellTicksPerSecond)} cell-ticks/s` : '—'}
      </span>
    </div>
  );
}
