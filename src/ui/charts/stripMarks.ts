// The introspection strip's fast-association marks (the paper's Fig. 9), pure (no DOM): above each
// column a triangle says whether the example is the first showing of its image in the episode
// (outlined) or the second (filled), and a dashed line runs down the strip where an episode begins;
// the shapes, not only their colour, tell them apart. Also the words for the strip's summary.
import { MARK_EPISODE_START, showingOf } from '../../model/showings';
import { argmaxRow } from './strip';

/** Paths of the marks of columns 0 .. shown - 1 (examples start ..), cellW wide, triangles in a band `band` px high. */
export interface MarkPaths {
  readonly first: string;
  readonly second: string;
  /** Vertical lines at the left edge of each column that starts an episode, from the band's top to `bottom`. */
  readonly episodes: string;
}

/** A downward triangle of width w centred on x, from y to y + h. */
export const trianglePath = (x: number, y: number, w: number, h: number): string =>
  `M${x - w / 2},${y}h${w}l${-w / 2},${h}Z`;

export function markPaths(
  marks: ArrayLike<number>,
  start: number,
  shown: number,
  cellW: number,
  band: number,
  bottom: number,
): MarkPaths {
  const w = Math.max(3, Math.min(cellW - 1, band - 2));
  const h = Math.max(3, band - 3);
  let first = '';
  let second = '';
  let episodes = '';
  for (let j = 0; j < shown; j++) {
    const m = marks[start + j] ?? 0;
    const x = (j + 0.5) * cellW;
    const kind = showingOf(m);
    if (kind === 'first') first += trianglePath(x, 1, w, h);
    else if (kind === 'second') second += trianglePath(x, 1, w, h);
    if (m & MARK_EPISODE_START) episodes += `M${j * cellW},0V${bottom}`;
  }
  return { first, second, episodes };
}

/**
 * "first showings 2 of 10 right, second showings 9 of 10 right, 5 episodes begin" for the shown window, or '' without
 * marks.
 */
export function marksSummary(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  marks: ArrayLike<number>,
  K: number,
  start: number,
  shown: number,
): string {
  const right = { first: 0, second: 0 };
  const seen = { first: 0, second: 0 };
  let episodes = 0;
  for (let r = start; r < start + shown; r++) {
    const m = marks[r] ?? 0;
    if (m & MARK_EPISODE_START) episodes++;
    const kind = showingOf(m);
    if (kind === null) continue;
    seen[kind]++;
    if (argmaxRow(probabilities, K, r) === labels[r]) right[kind]++;
  }
  if (seen.first + seen.second === 0) return '';
  const begin = episodes === 1 ? '1 episode begins' : `${episodes} episodes begin`;
  return `first showings ${right.first} of ${seen.first} right, second showings ${right.second} of ${seen.second} right, ${begin}`;
}

/** What a hovered column's mark says: "first showing", "second showing, episode start", or ''. */
export function markWords(mark: number): string {
  const kind = showingOf(mark);
  const words = kind ? [`${kind} showing`] : [];
  if (mark & MARK_EPISODE_START) words.push('episode start');
  return words.join(', ');
}
