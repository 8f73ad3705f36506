// The learned learners on the page, rendered on the server over the fake worker: the settings panel
// (file input, loaded files, a refusal beside it), the accuracy chart's line named by its kind, and
// the strip's learner choice naming whose probabilities it shows.
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccuracyPanel } from '../../../src/ui/components/AccuracyPanel';
import { learnerLabel } from '../../../src/ui/components/labels';
import { LearnedPanel } from '../../../src/ui/components/LearnedPanel';
import { StripCard } from '../../../src/ui/components/OutputPanel';
import { StudioController } from '../../../src/ui/session/controller';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import type { Frame } from '../../../src/worker/session/contract';
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

const learned = [{ name: 'meta-rnn-mnist', file: 'meta-rnn-mnist.learner.json', kind: 'meta-rnn' as const }];
const curve = (n: number) => ({
  x: Float64Array.from({ length: n }, (_, i) => i + 1),
  mean: new Float64Array(n).fill(0.5),
  std: new Float64Array(n),
});

/** A frame of 3 examples for VSML, SGD and the Meta RNN, the strip showing `strip`'s. */
const frameOf = (strip: string): Frame =>
  ({
    examplesSeen: 3,
    input: new Float32Array(784),
    label: 1,
    probabilities: new Float32Array(10).fill(0.1),
    predicted: 0,
    recentProbabilities: new Float32Array(30).fill(0.1),
    recentLabels: Int32Array.from([1, 2, 3]),
    recentMarks: new Uint8Array(3),
    strip,
    showings: null,
    accuracy: { vsml: curve(3), sgd: curve(3), 'meta-rnn-mnist': curve(3) },
    heatmap: null,
    speed: { examplesPerSecond: 0, cellTicksPerSecond: 0 },
    playing: false,
    infoRevision: 0,
    notice: null,
  }) as Frame;

describe('learnerLabel', () => {
  it('names VSML and the baselines as always, a learned learner by its kind, and by kind and name when two share a kind', () => {
    expect([
      learnerLabel('vsml', learned),
      learnerLabel('sgd-deep', learned),
      learnerLabel('meta-rnn-mnist', learned),
    ]).toEqual(['VSML', 'SGD, deep', 'Meta RNN']);
    const two = [
      ...learned,
      { name: 'mine.json', file: 'mine.json', kind: 'meta-rnn' as const },
      { name: 'h.json', file: 'h.json', kind: 'hebbian' as const },
    ];
    expect([learnerLabel('mine.json', two), learnerLabel('meta-rnn-mnist', two), learnerLabel('h.json', two)]).toEqual([
      'Meta RNN (mine.json)',
      'Meta RNN (meta-rnn-mnist)',
      'Hebbian',
    ]);
    expect(learnerLabel('unknown', two)).toBe('unknown');
  });
});

describe('LearnedPanel', () => {
  it('offers a learned-learner file input, lists the loaded files with a remove button, and shows a refusal of one beside it', () => {
    store.getState().set({
      status: 'running',
      info: INFO,
      learnedFiles: ['mine.learner.json'],
      error: 'learned: bad.json: params.lstmW.f32[17]: must be finite, got NaN (row 0, col 17)',
    });
    const html = render(LearnedPanel);
    expect(html).toContain('data-testid="learned-file"');
    expect(html).toContain('data-testid="learned-remove-mine.learner.json"');
    expect(html).toContain(
      '<p class="refusal" role="alert" data-testid="refusal-learned">learned: bad.json: params.lstmW.f32[17]: must be finite, got NaN (row 0, col 17)</p>',
    );
  });
});

describe('AccuracyPanel and StripCard with a learned learner', () => {
  it("the chart names the Meta RNN's line beside VSML's; the strip offers every learner and says whose probabilities it shows", () => {
    store.getState().set({ status: 'running', info: { ...INFO, learned }, frame: frameOf('meta-rnn-mnist') });
    const chart = render(AccuracyPanel);
    expect(chart).toContain('data-direct-label="meta-rnn-mnist"');
    expect(chart).toMatch(/data-direct-label="meta-rnn-mnist"[^>]*>Meta RNN</);
    const strip = render(StripCard);
    expect(strip).toContain('Output probabilities of Meta RNN over the last 3 examples');
    expect([...strip.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      ['vsml', 'VSML'],
      ['sgd', 'SGD'],
      ['meta-rnn-mnist', 'Meta RNN'],
    ]);
    store.getState().set({ frame: frameOf('vsml') });
    expect(render(StripCard)).toContain('Output probabilities of VSML over the last 3 examples');
  });
});
