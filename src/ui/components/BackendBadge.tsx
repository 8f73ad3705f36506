// Which adapter computes (and whether it is a software/fallback one, or the CPU engine until WebGPU's
// kernels are compiled, then the session moves onto it), the examples seen (with the
// worker's loop state and the session's serial number as attributes), a change on its way
// ("restarting…", shown at once on the click), and the live throughput.
import { useStudioState } from '../session/context';
import { speedText } from '../layout/speedText';

export function BackendBadge() {
  const info = useStudioState((s) => s.info);
  const speed = useStudioState((s) => s.frame?.speed);
  const seen = useStudioState((s) => s.frame?.examplesSeen ?? 0);
  // The worker's loop as the last frame saw it: "false" once a pause has let the block in flight end.
  const looping = useStudioState((s) => s.frame?.playing ?? false);
  const session = useStudioState((s) => s.sessionSerial);
  const pending = useStudioState((s) => s.pending);
  const label = info ? info.description : 'starting…';
  return (
    <div className="status-line">
      <span
        className={`badge ${info?.fallback ? 'badge-warn' : ''}`}
        data-testid="backend-badge"
        title={info?.fallback ?? undefined}
      >
        {label}
      </span>
      {info?.handover && (
        <span className="stat handover" data-testid="handover" title={info.handover}>
          moving onto WebGPU once its kernels are compiled…
        </span>
      )}
      <span className="stat">
        <b data-testid="examples-seen" data-playing={String(looping)} data-session={session}>
          {seen}
        </b>{' '}
        examples seen
      </span>
      {pending && (
        <span className="pending" data-testid="pending" role="status">
          {pending}
        </span>
      )}
      <span
        className="stat"
        data-testid="speed"
        title="sub-RNN updates/s (cell-ticks/s): one step of one sub-RNN, counted over every run"
      >
        {speed ? speedText(speed) : '—'}
      </span>
    </div>
  );
}
