// What the prediction's live region says, and when: a screen reader hears the current example at most
// once every few seconds while the session plays, and at once after a step or a pause.

/** Seconds between two announcements while playing. */
export const ANNOUNCE_EVERY_MS = 3000;

export interface Announced {
  /** The example it was about (examples seen when it showed). */
  readonly example: number;
  readonly text: string;
  /** When it was announced (performance.now() ms). */
  readonly at: number;
}

export interface ShownExample {
  /** Its number: examples seen so far, this one included. */
  readonly example: number;
  readonly predicted: number;
  /** The true class, or -1 when the stream has none. */
  readonly label: number;
  readonly classNames: readonly string[];
}

/** "Example 81: predicted 7, label 7, correct." */
export function announcementText(e: ShownExample): string {
  const name = (k: number) => e.classNames[k] ?? String(k);
  if (e.label < 0) return `Example ${e.example}: predicted ${name(e.predicted)}.`;
  return `Example ${e.example}: predicted ${name(e.predicted)}, label ${name(e.label)}, ${e.predicted === e.label ? 'correct' : 'wrong'}.`;
}

/**
 * The next announcement, or null to keep the last one: a new example is announced when the session is
 * not playing (a step, a pause) or when ANNOUNCE_EVERY_MS have passed since the last announcement.
 */
export function nextAnnouncement(
  last: Announced | null,
  shown: ShownExample | null,
  playing: boolean,
  now: number,
): Announced | null {
  if (!shown || shown.example <= 0 || shown.example === last?.example) return null;
  if (playing && last && now - last.at < ANNOUNCE_EVERY_MS) return null;
  return { example: shown.example, text: announcementText(shown), at: now };
}
