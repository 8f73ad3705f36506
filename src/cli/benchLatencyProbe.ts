// The in-page half of `bench --latency`: what the studio shows at one moment (a snapshot of the DOM),
// when a control's effects count as reached (a pure step over snapshots, unit-tested), and the scripts
// that run in the page: a MutationObserver armed before the click records performance.now() at the
// click (capture listener) and when each condition first holds, so Playwright's polling adds nothing.
//
// The page functions are sent as their source text (Function.prototype.toString). tsx compiles this
// file with esbuild's keepNames, which wraps named inner functions in __name(...): the scripts define
// a no-op __name first so that source runs as it is.

/** The controls measured, in the order one page load measures them. */
export const CONTROLS = ['restart-same', 'new-seeds', 'preset', 'runs', 'dataset', 'pause', 'step'] as const;
export type ControlKind = (typeof CONTROLS)[number];

/** What the studio shows at one moment. */
export interface PageSnapshot {
  /** The examples-seen count (0 while it shows no number). */
  readonly count: number;
  /** examples-seen's data-session (a new page's session number), null on a build without it. */
  readonly session: number | null;
  /** A [data-testid="pending"] element is on the page ("restarting…", "applying…"). */
  readonly pending: boolean;
  /** The play-pause button's text. */
  readonly playLabel: string;
  /** examples-seen's data-playing: the worker's loop as the last frame saw it. */
  readonly playing: string | null;
  /** The task name in the page header (an old build's sign that the dataset changed). */
  readonly task: string | null;
}

/** How far one control's effects have got since its click. */
export interface Watch {
  /** The count went below its value at the click (an old build's sign of a new run). */
  readonly dropped: boolean;
  /** The first effect: the pending notice (pause: the button says Play). */
  readonly pending: boolean;
  /** The final effect: the new run's first example (pause: the loop stopped; step: the count is one more). */
  readonly effect: boolean;
}

export const WATCH_START: Watch = { dropped: false, pending: false, effect: false };

/** The studio's state in `doc` (runs in the page). */
export function readSnapshot(doc: Document): PageSnapshot {
  const seen = doc.querySelector('[data-testid="examples-seen"]');
  const session = seen?.getAttribute('data-session') ?? null;
  return {
    count: Number((seen?.textContent ?? '').replace(/[^0-9]/g, '')) || 0,
    session: session === null || session === '' ? null : Number(session),
    pending: doc.querySelector('[data-testid="pending"]') !== null,
    playLabel: doc.querySelector('[data-testid="play-pause"]')?.textContent ?? '',
    playing: seen?.getAttribute('data-playing') ?? null,
    task: doc.querySelector('header p b')?.textContent ?? null,
  };
}

/**
 * `w` advanced by the snapshot `now`, for control `kind` clicked when the page showed `before`. Reached
 * effects stay reached. A new run: a data-session above the one at the click with a count ≥ 1; on a
 * build without data-session, the count fell below its value at the click and is now ≥ 1 (and, for a
 * dataset change, the header names another task).
 */
export function watchStep(kind: ControlKind, before: PageSnapshot, w: Watch, now: PageSnapshot): Watch {
  const dropped = w.dropped || now.count < before.count;
  let pending: boolean;
  let effect: boolean;
  if (kind === 'pause') {
    pending = /play/i.test(now.playLabel);
    effect = now.playing === 'false';
  } else if (kind === 'step') {
    pending = false;
    effect = now.count >= before.count + 1;
  } else {
    pending = now.pending;
    effect =
      before.session !== null && now.session !== null
        ? now.session > before.session && now.count >= 1
        : dropped && now.count >= 1 && (kind !== 'dataset' || now.task !== before.task);
  }
  return { dropped, pending: w.pending || pending, effect: w.effect || effect };
}

/** What the page recorded for one click, in ms after it (null: not reached). */
export interface ProbeRecord {
  readonly clicked: boolean;
  readonly pendingMs: number | null;
  readonly effectMs: number | null;
  readonly before: PageSnapshot | null;
}

interface ProbeState {
  t0: number | null;
  before: PageSnapshot | null;
  watch: Watch;
  pendingMs: number | null;
  effectMs: number | null;
  done: boolean;
  stop: () => void;
}

declare global {
  interface Window {
    __vsmlLatency?: ProbeState;
    __vsmlFirstExample?: number;
  }
}

/** Arms the probe for one click of `kind` (runs in the page, with readSnapshot and watchStep beside it). */
function armProbe(kind: ControlKind, start: Watch): void {
  window.__vsmlLatency?.stop();
  const probe: ProbeState = {
    t0: null,
    before: null,
    watch: start,
    pendingMs: null,
    effectMs: null,
    done: false,
    stop: () => undefined,
  };
  const hasPending = (records: readonly MutationRecord[]): boolean =>
    records.some((r) =>
      Array.from(r.addedNodes).some(
        (n) =>
          n instanceof Element &&
          (n.matches('[data-testid="pending"]') || n.querySelector('[data-testid="pending"]') !== null),
      ),
    );
  const check = (records: readonly MutationRecord[]): void => {
    if (probe.t0 === null || probe.before === null || probe.done) return;
    const t = performance.now() - probe.t0;
    const now = readSnapshot(document);
    const seen = kind !== 'pause' && kind !== 'step' && hasPending(records) ? { ...now, pending: true } : now;
    probe.watch = watchStep(kind, probe.before, probe.watch, seen);
    if (probe.watch.pending && probe.pendingMs === null) probe.pendingMs = t;
    if (probe.watch.effect && probe.effectMs === null) probe.effectMs = t;
    if (probe.effectMs !== null && (kind !== 'pause' || probe.pendingMs !== null)) probe.stop();
  };
  const observer = new MutationObserver((records) => check(records));
  const onStart = (): void => {
    if (probe.t0 !== null) return;
    probe.t0 = performance.now();
    probe.before = readSnapshot(document);
    queueMicrotask(() => check([]));
  };
  probe.stop = () => {
    probe.done = true;
    observer.disconnect();
    for (const type of ['click', 'input', 'change']) document.removeEventListener(type, onStart, true);
  };
  for (const type of ['click', 'input', 'change']) document.addEventListener(type, onStart, true);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__vsmlLatency = probe;
}

/** Records performance.now() (ms since navigation start) when examples-seen first shows ≥ 1 (an init script). */
function firstExampleProbe(): void {
  const observer = new MutationObserver(() => {
    const seen = document.querySelector('[data-testid="examples-seen"]');
    if (seen && (Number((seen.textContent ?? '').replace(/[^0-9]/g, '')) || 0) >= 1) {
      window.__vsmlFirstExample = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

const NO_NAME = 'const __name = (f) => f;';

/** The script that arms the probe for the next click of `kind`. */
export const armScript = (kind: ControlKind): string =>
  `(() => { ${NO_NAME} ${readSnapshot.toString()}; ${watchStep.toString()}; ${armProbe.toString()}; armProbe(${JSON.stringify(kind)}, ${JSON.stringify(WATCH_START)}); })()`;

/** The init script that records the load's first example. */
export const firstExampleScript = (): string =>
  `(() => { ${NO_NAME} ${firstExampleProbe.toString()}; firstExampleProbe(); })()`;

/** The probe's record so far (an expression for page.evaluate). */
export const READ_SCRIPT = `(() => { const p = window.__vsmlLatency; return p ? { clicked: p.t0 !== null, pendingMs: p.pendingMs, effectMs: p.effectMs, before: p.before } : null; })()`;
