// The control-latency probe's pure half: a DOM snapshot of the studio, and when each control's first
// and final effects count as reached, on a page with data-session / pending and on an older one without.
import { describe, expect, it } from 'vitest';
import {
  armScript,
  CONTROLS,
  firstExampleScript,
  readSnapshot,
  WATCH_START,
  watchStep,
  type ControlKind,
  type PageSnapshot,
  type Watch,
} from '../../src/cli/benchLatencyProbe';

const snap = (over: Partial<PageSnapshot> = {}): PageSnapshot => ({
  count: 40,
  session: null,
  pending: false,
  playLabel: '❚❚ Pause',
  playing: 'true',
  task: 'MNIST test',
  ...over,
});

/** watchStep folded over the snapshots after a click at `before`. */
const run = (kind: ControlKind, before: PageSnapshot, ...nows: PageSnapshot[]): Watch[] => {
  const out: Watch[] = [];
  let w = WATCH_START;
  for (const now of nows) out.push((w = watchStep(kind, before, w, now)));
  return out;
};

describe('readSnapshot', () => {
  /** A document of elements by selector, each with text and attributes. */
  const fakeDoc = (els: Record<string, { text: string; attrs?: Record<string, string> }>): Document =>
    ({
      querySelector: (sel: string) => {
        const e = els[sel];
        return e ? { textContent: e.text, getAttribute: (name: string) => e.attrs?.[name] ?? null } : null;
      },
    }) as unknown as Document;

  it('reads count 1234 from "1,234", data-session 3, pending, the button text, data-playing and the task', () => {
    const doc = fakeDoc({
      '[data-testid="examples-seen"]': { text: '1,234', attrs: { 'data-session': '3', 'data-playing': 'true' } },
      '[data-testid="pending"]': { text: 'restarting…' },
      '[data-testid="play-pause"]': { text: '❚❚ Pause' },
      'header p b': { text: 'Sum Sign' },
    });
    expect(readSnapshot(doc)).toEqual({
      count: 1234,
      session: 3,
      pending: true,
      playLabel: '❚❚ Pause',
      playing: 'true',
      task: 'Sum Sign',
    });
  });

  it('reads an old page: no data-session (null), no pending, and a count of 0 while it shows "—"', () => {
    const doc = fakeDoc({ '[data-testid="examples-seen"]': { text: '—', attrs: { 'data-playing': 'false' } } });
    expect(readSnapshot(doc)).toEqual({
      count: 0,
      session: null,
      pending: false,
      playLabel: '',
      playing: 'false',
      task: null,
    });
  });
});

describe('watchStep', () => {
  it('restart on a page with data-session: pending when shown; the new run once session 5 > 4 shows count 1, not before', () => {
    const before = snap({ session: 4 });
    const ws = run(
      'restart-same',
      before,
      snap({ session: 4, count: 41, pending: true }),
      snap({ session: 5, count: 0, pending: true }),
      snap({ session: 5, count: 1 }),
    );
    expect(ws.map((w) => [w.pending, w.effect])).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
  });

  it('a page with data-session ignores a count drop within the same session (only a new session is a new run)', () => {
    const ws = run('new-seeds', snap({ session: 2 }), snap({ session: 2, count: 0 }), snap({ session: 2, count: 3 }));
    expect(ws.at(-1)).toEqual({ dropped: true, pending: false, effect: false });
  });

  it('an old page (no data-session): the new run is the count below 40 and then at least 1', () => {
    const ws = run('runs', snap(), snap({ count: 44 }), snap({ count: 0 }), snap({ count: 1 }));
    expect(ws.map((w) => w.effect)).toEqual([false, false, true]);
    expect(ws.every((w) => !w.pending)).toBe(true);
  });

  it('an old page, dataset change: a drop to 1 is the new run only once the header names another task', () => {
    const ws = run('dataset', snap(), snap({ count: 1 }), snap({ count: 2, task: 'Sum Sign' }));
    expect(ws.map((w) => w.effect)).toEqual([false, true]);
  });

  it('pause: first effect when the button says Play, final when data-playing is "false"', () => {
    const ws = run(
      'pause',
      snap(),
      snap({ playLabel: '▶ Play' }),
      snap({ playLabel: '▶ Play', playing: 'false', count: 43 }),
    );
    expect(ws.map((w) => [w.pending, w.effect])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('step from 57: reached at 58, never a pending notice', () => {
    const before = snap({ count: 57, playing: 'false', playLabel: '▶ Play' });
    const ws = run('step', before, snap({ count: 57, pending: true }), snap({ count: 58 }));
    expect(ws).toEqual([
      { dropped: false, pending: false, effect: false },
      { dropped: false, pending: false, effect: true },
    ]);
  });

  it('keeps a reached effect reached when a later snapshot no longer shows it', () => {
    const ws = run('preset', snap({ session: 1 }), snap({ session: 1, pending: true }), snap({ session: 2, count: 1 }));
    expect(ws.at(-1)).toEqual({ dropped: true, pending: true, effect: true });
  });
});

describe('the page scripts', () => {
  it('parse as JavaScript for every control (the functions are sent as source text)', () => {
    for (const kind of CONTROLS) expect(() => new Function(`return ${armScript(kind)}`)).not.toThrow();
    expect(() => new Function(`return ${firstExampleScript()}`)).not.toThrow();
    expect(armScript('runs')).toContain('armProbe("runs", {"dropped":false,"pending":false,"effect":false})');
  });
});
