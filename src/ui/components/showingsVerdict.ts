// The one plain sentence under the fast-association table: what the numbers say about VSML's second
// showings beside each baseline's, and nothing more. A baseline within SIMILAR of VSML (absolute
// accuracy) "also" gets them right; one higher gets more right; one lower gets fewer. Pure.
import type { ShowingAccuracy } from '../../model/showings';
import type { LearnedEntry, ShowingsByLearner } from '../../worker/session/contract';
import { learnerLabel } from './labels';

/** Second-showing accuracies closer than this (absolute) count as about the same. */
export const SIMILAR = 0.05;

const pct = (a: ShowingAccuracy): string => `${Math.round(a.mean * 100)}%`;

/** "A", "A and B", "A, B and C". */
function list(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const verb = (group: readonly unknown[], one: string, many: string): string => (group.length === 1 ? one : many);

export function showingsVerdict(showings: ShowingsByLearner, learned: readonly LearnedEntry[] = []): string {
  const label = (name: string): string => learnerLabel(name, learned);
  const vsml = showings.vsml?.second;
  if (!vsml) return 'No image has been shown a second time yet: the table fills in as the repeats come.';
  const groups: {
    better: [string, ShowingAccuracy][];
    similar: [string, ShowingAccuracy][];
    worse: [string, ShowingAccuracy][];
  } = { better: [], similar: [], worse: [] };
  for (const [name, s] of Object.entries(showings)) {
    if (name === 'vsml' || !s.second) continue;
    const d = s.second.mean - vsml.mean;
    groups[d > SIMILAR ? 'better' : d < -SIMILAR ? 'worse' : 'similar'].push([label(name), s.second]);
  }
  const parts = [`VSML gets ${pct(vsml)} of second showings right.`];
  const names = (g: [string, ShowingAccuracy][]) => g.map(([n]) => n);
  const numbers = (g: [string, ShowingAccuracy][]) => g.map(([, a]) => pct(a)).join(', ');
  if (groups.better.length > 0) {
    parts.push(
      `${list(names(groups.better))} ${verb(groups.better, 'gets', 'get')} more of them right here (${numbers(groups.better)}).`,
    );
  }
  if (groups.similar.length > 0) {
    parts.push(
      `${list(names(groups.similar))} also ${verb(groups.similar, 'gets', 'get')} about as many right here (${numbers(groups.similar)}).`,
    );
  }
  if (groups.worse.length > 0) {
    parts.push(
      `${list(names(groups.worse))} ${verb(groups.worse, 'gets', 'get')} fewer right (${numbers(groups.worse)}).`,
    );
  }
  return parts.join(' ');
}
