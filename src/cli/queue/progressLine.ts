// The coordinator's live line during a distributed step: pairs done of all, workers seen (live
// heartbeats), each answering worker's rate (pairs per second of job time), the slowest named.
import type { StepProgress } from './coordinator';

const rate = (r: number): string => (Number.isFinite(r) ? r.toFixed(r >= 10 ? 1 : 2) : '?');

/** "step 3/10: pairs 96/128, 3 workers seen; w1 12.1 pairs/s, w2 11.8, w3 6.0 (slowest)". */
export function formatStepProgress(p: StepProgress, total: number): string {
  const head = `step ${p.step}/${total}: pairs ${p.done}/${p.total}, ${p.seen} worker${p.seen === 1 ? '' : 's'} seen`;
  if (p.workers.length === 0) return head;
  const shown = p.workers.slice(0, 8).map((w, i) => `${w.id} ${rate(w.rate)}${i === 0 ? ' pairs/s' : ''}`);
  const more = p.workers.length > 8 ? `, … ${p.workers.length - 8} more` : '';
  const slowest =
    p.workers.length > 1
      ? `; slowest ${p.workers[p.workers.length - 1].id} ${rate(p.workers[p.workers.length - 1].rate)} pairs/s`
      : '';
  return `${head}; ${shown.join(', ')}${more}${slowest}`;
}
