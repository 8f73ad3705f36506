// The studio page rendered to HTML on the server, on a controller over the fake worker: the hooks the
// benchmark and e2e read (pending, data-session), the Tab order (skip link, then play / pause), a
// refusal beside the control it names, the files card in place of the views, presentation mode.
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/ui/App';
import { BackendBadge } from '../../../src/ui/components/BackendBadge';
import { StudioController } from '../../../src/ui/session/controller';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import { FakeSession, FakeStudioEnv, INFO } from '../session/fakeSession';
import { renderStudio } from './renderStudio';

let store: StudioStore;
let studio: StudioController;

beforeEach(() => {
  store = createStudioStore();
  studio = new StudioController(new FakeSession().api, store, new FakeStudioEnv());
});
afterEach(() => studio.dispose());

const render = (component: () => ReactElement | null): string => renderStudio(studio, store, component);

/** Test ids of the focusable elements (links, buttons, inputs, selects) in document order. */
const focusOrder = (html: string): string[] =>
  [...html.matchAll(/<(a|button|input|select|textarea)\b[^>]*>/g)]
    .filter((m) => !/\sdisabled=""/.test(m[0]))
    .map((m) => /data-testid="([^"]+)"/.exec(m[0])?.[1] ?? m[1]);

describe('BackendBadge', () => {
  it('shows a change on its way as role="status" beside the examples count, which carries data-playing and data-session', () => {
    store.getState().set({ pending: 'restarting…', sessionSerial: 3, info: INFO });
    const html = render(BackendBadge);
    expect(html).toContain('<b data-testid="examples-seen" data-playing="false" data-session="3">0</b>');
    expect(html).toContain('<span class="pending" data-testid="pending" role="status">restarting…</span>');
  });
  it('has no pending element when nothing is pending', () => {
    store.getState().set({ pending: null, sessionSerial: 1, info: INFO });
    expect(render(BackendBadge)).not.toContain('data-testid="pending"');
  });
});

describe('App', () => {
  it('starts its Tab order with the skip link, then play / pause, step, explain this step, the speed slider, the restart', () => {
    store.getState().set({ status: 'running', info: INFO });
    const order = focusOrder(render(App));
    expect(order.slice(0, 6)).toEqual([
      'skip-link',
      'play-pause',
      'step',
      'explain-open',
      'speed-slider',
      'restart-same',
    ]);
    expect(order.indexOf('settings-toggle')).toBeLessThan(order.indexOf('preset-fast-association'));
    expect(order.indexOf('presentation')).toBeLessThan(order.indexOf('preset-fast-association'));
  });
  it('says what it is in plain words', () => {
    expect(render(App)).toContain(
      'Every weight of this network is a tiny LSTM. They all share one small set of parameters (V_M), and learn from the error fed back to them — no gradient at test time.',
    );
  });
  it('names a refused setting beside each control it blames, and nowhere else', () => {
    store.getState().set({ status: 'running', info: INFO, error: 'S and resize: VSML state h and c needs 6.1 GiB' });
    const html = render(App);
    expect(html).toContain(
      '<p class="refusal" role="alert" data-testid="refusal-runs">S and resize: VSML state h and c needs 6.1 GiB</p>',
    );
    expect(html).toContain('data-testid="refusal-resize"');
    expect(html).not.toContain('data-testid="refusal-classes"');
    expect(html).toContain('data-testid="error-message"');
  });
  it('shows the files a dataset needs in place of the views, with its inputs once, and no chart', () => {
    store.getState().set({ status: 'waiting-for-files', info: INFO });
    store.getState().update({ dataset: 'emnist-letters' });
    const html = render(App);
    expect(html).toContain('EMNIST letters (IDX files) needs files from your disk');
    expect(html.split('data-testid="data-file-images"').length - 1).toBe(1);
    expect(html.split('data-testid="data-file-labels"').length - 1).toBe(1);
    expect(html).not.toContain('aria-label="cumulative accuracy"');
    expect(html).not.toContain('aria-label="state heatmap"');
  });
  it('shows the four views, greyed while a change is pending', () => {
    store.getState().set({ status: 'running', info: INFO, pending: 'applying…' });
    const html = render(App);
    expect(html).toContain('class="views stale"');
    for (const name of ['current example', 'cumulative accuracy', 'introspection', 'state heatmap'])
      expect(html).toContain(`aria-label="${name}"`);
  });
  it('in presentation mode marks the page "present" and offers to exit', () => {
    store.getState().set({ status: 'running', info: INFO });
    store.getState().update({ present: true });
    const html = render(App);
    expect(html).toContain('<div class="studio present">');
    expect(html).toContain('✕ Exit presentation');
  });
});
