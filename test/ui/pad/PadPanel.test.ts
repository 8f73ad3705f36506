// The pad's panel rendered to HTML on the server, on a controller over the fake worker: closed it is
// nothing; open it shows the pad, the buttons (ask and teach disabled on a blank pad), the classes with
// a renamed one, the guess as bars, the lesson before/after with the taught class's change, the count
// of drawings and the IDX export; on a task that is not grey pictures it says why instead. PadToggle
// pauses a playing session on open and plays it again on close.
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PadPanel } from '../../../src/ui/pad/PadPanel';
import { padFor, type PadPrediction } from '../../../src/ui/pad/padStore';
import { PadToggle, setPadOpen } from '../../../src/ui/pad/PadToggle';
import { StudioController } from '../../../src/ui/session/controller';
import { StudioContext } from '../../../src/ui/session/context';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import { FakeSession, FakeStudioEnv, INFO } from '../session/fakeSession';

// The "i" button puts its popover in document.body through a portal, which the server renderer cannot
// do; here it is its button alone (help/InfoButton.tsx has its own tests).
vi.mock('../../../src/ui/help/InfoButton', () => ({
  InfoButton: ({ id }: { id: string }) => createElement('button', { type: 'button', 'data-testid': `info-${id}` }, 'i'),
}));

let store: StudioStore;
let studio: StudioController;
let fake: FakeSession;

beforeEach(() => {
  store = createStudioStore();
  fake = new FakeSession();
  studio = new StudioController(fake.api, store, new FakeStudioEnv());
});
afterEach(() => studio.dispose());

const render = (component: () => ReactElement | null): string => {
  const now: StudioStore = { ...store, getInitialState: () => store.getState() };
  const pad = padFor(studio);
  Object.assign(pad, { getInitialState: () => pad.getState() });
  return renderToString(
    createElement(StudioContext.Provider, { value: { controller: studio, store: now } }, createElement(component)),
  ).replaceAll('<!-- -->', '');
};

const prediction = (probabilities: number[]): PadPrediction => ({
  input: new Float32Array(784),
  probabilities: Float32Array.from(probabilities),
  predicted: probabilities.indexOf(Math.max(...probabilities)),
});
const spread = (top: number, p: number): number[] =>
  Array.from({ length: 10 }, (_, k) => (k === top ? p : (1 - p) / 9));

describe('PadPanel', () => {
  it('renders nothing while the pad is closed', () => {
    store.getState().set({ info: INFO, status: 'running', sessionSerial: 1 });
    expect(render(PadPanel)).toBe('');
  });

  it('shows the pad, ask and teach disabled on a blank pad, the classes with class 9 renamed "star"', () => {
    store.getState().set({ info: INFO, status: 'running', sessionSerial: 1 });
    padFor(studio)
      .getState()
      .set({ open: true, names: { 9: 'star' }, label: 9 });
    const html = render(PadPanel);
    expect(html).toContain('data-testid="pad-canvas"');
    expect(html).toMatch(/<canvas[^>]*width="28"[^>]*height="28"/);
    expect(html).toMatch(/<button[^>]*data-testid="pad-ask"[^>]*disabled=""/);
    expect(html).toMatch(/<button[^>]*data-testid="pad-teach"[^>]*disabled=""[^>]*>Teach: this is “star”<\/button>/);
    expect(html).toMatch(/data-testid="pad-class-9"[^>]*\/>star<\/label>/);
    expect(html).toMatch(/data-testid="pad-class-3"[^>]*\/>3<\/label>/);
    expect(html).toContain('data-testid="info-pad"');
    expect(html).toContain('0 drawings taught on this page');
    expect(html).toMatch(/<button[^>]*data-testid="pad-export-images"[^>]*disabled=""/);
  });

  it('shows the guess as bars and the lesson before and after, the taught class highlighted with its change', () => {
    store.getState().set({ info: INFO, status: 'running', sessionSerial: 2 });
    const before = prediction(spread(3, 0.4));
    const after = prediction(spread(9, 0.7));
    const drawing = { width: 28, height: 28, pixels: new Uint8ClampedArray(784) };
    padFor(studio)
      .getState()
      .set({
        open: true,
        names: { 9: 'star' },
        label: 9,
        guess: { prediction: after, revision: 0, session: 2 },
        lesson: { label: 9, drawing, before, after, revision: 0, session: 2 },
        drawings: [{ drawing, label: 9 }],
      });
    const html = render(PadPanel);
    expect(html).toContain('VSML guesses <b data-testid="pad-guess-name">star</b> (p = 0.700)');
    expect(html).toMatch(/data-testid="pad-lesson" data-label="9" data-before="0\.0666\d*" data-after="0\.69999\d*"/);
    expect(html).toContain(
      'Before it was told, VSML guessed <b>3</b> and gave “star” p = 0.067. After learning from this one drawing it gives “star” p = <b>0.700</b> (+0.633), its guess now.',
    );
    expect(html).toMatch(
      /<li class="pad-bar taught guess" data-class="9" data-p="0\.69999\d*" data-before="0\.0666\d*">/,
    );
    expect(html).toContain('1 drawing taught on this page');
    expect(html).toContain('data-testid="pad-draw-again"');
    expect(html).not.toContain('data-testid="pad-again"');
  });

  it('says why it cannot draw for a task that is not pictures', () => {
    store
      .getState()
      .set({ info: { ...INFO, imageShape: null, taskName: 'sum-sign' }, status: 'running', sessionSerial: 1 });
    padFor(studio).getState().set({ open: true });
    const html = render(PadPanel);
    expect(html).toContain('data-testid="pad-disabled"');
    expect(html).toContain('The task sum-sign does not take pictures');
    expect(html).not.toContain('data-testid="pad-canvas"');
  });
});

describe('PadToggle', () => {
  it('is a button that says whether the pad is open', () => {
    store.getState().set({ info: INFO, status: 'running' });
    expect(render(PadToggle)).toMatch(/<button[^>]*data-testid="pad-toggle" aria-expanded="false"/);
  });

  it('pauses a playing session on open and plays it again on close; a paused one stays paused', async () => {
    await studio.start();
    fake.calls.length = 0;
    const pad = padFor(studio);
    setPadOpen(studio, pad, true, true);
    expect([
      pad.getState().open,
      pad.getState().resume,
      fake.calls.filter((c) => c === 'pause' || c === 'play'),
    ]).toEqual([true, true, ['pause']]);
    setPadOpen(studio, pad, false, false);
    expect([pad.getState().open, fake.calls.filter((c) => c === 'pause' || c === 'play')]).toEqual([
      false,
      ['pause', 'play'],
    ]);
    setPadOpen(studio, pad, true, false);
    setPadOpen(studio, pad, false, false);
    expect(fake.calls.filter((c) => c === 'pause' || c === 'play')).toEqual(['pause', 'play']);
  });
});
