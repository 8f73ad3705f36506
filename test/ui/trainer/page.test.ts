// The whole trainer page rendered to HTML on the server from store states: every stable test id is
// there, refusals sit beside their fields, a rejected step and a refused start are shown.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainerContext } from '../../../src/ui/trainer/context';
import { TrainerApp } from '../../../src/ui/trainer/TrainerApp';
import { TrainerController } from '../../../src/ui/trainer/trainerController';
import { badCheck, trainerStore } from '../../../src/ui/trainer/trainerStore';
import { FakeEnv, FakeTrainer, frameOf, INFO, PRESETS } from './fakeTrainer';

const initial = trainerStore.getState();
// A server render reads zustand's server snapshot, the store's initial state: point it at the current one.
vi.spyOn(trainerStore, 'getInitialState').mockImplementation(() => trainerStore.getState());
const render = () =>
  renderToString(
    createElement(
      TrainerContext.Provider,
      { value: new TrainerController(new FakeTrainer().api, trainerStore, new FakeEnv()) },
      createElement(TrainerApp),
    ),
  ).replaceAll('<!-- -->', '');
const testIds = (html: string) => new Set([...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]));

beforeEach(() => {
  trainerStore.setState(initial, true);
  trainerStore.getState().setPresets(PRESETS);
});

describe('the trainer page', () => {
  it('before a run: presets, the form, the JSON, run controls, files, and the saved-run offer', () => {
    trainerStore.getState().set({
      saved: { step: 12, totalSteps: 300, savedAt: '2025-03-01T12:00:00Z', configName: 'quick-demo' },
      check: { state: 'ok', summary: 'ES, 8 pairs' },
    });
    const html = render();
    const ids = testIds(html);
    for (const id of [
      'trainer-preset',
      'config-json',
      'start',
      'pause-resume',
      'stop',
      'loss-chart',
      'eval-chart',
      'population-histogram',
      'progress',
      'steps-per-second',
      'eta',
      'resume-offer',
      'resume-saved',
      'discard-saved',
      'export-checkpoint',
      'import-checkpoint',
      'export-learner',
      'open-in-studio',
      'backend-badge',
      'field-pairs',
      'field-sigma',
      'field-learningRate',
      'field-trajectoryLength',
      'field-seed',
      'field-tasks.resize',
      'field-tasks.classes',
      'field-evaluation.every',
      'task-dataset-0',
      'add-eval-dataset',
      'reset-config',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(html).toContain('Resume run <b>quick-demo</b> from step 12 of 300');
    expect(html).toMatch(/data-testid="start"[^>]*>Start</);
    expect(html).not.toMatch(/data-testid="start"[^>]*disabled/);
    expect(html).toMatch(/<option value="quick-demo" selected="">Quick demo<\/option>/);
    expect(ids).not.toContain('error-message');
  });

  it('a refused field: its message beside the field, Start disabled', () => {
    trainerStore
      .getState()
      .set({ check: badCheck('tasks.classes[0][1]', 'tasks.classes[0][1]: class 12 is not in [0, 10) for mnist') });
    const html = render();
    expect(html).toMatch(
      /data-testid="field-error-tasks.classes" data-field="tasks.classes\[0\]\[1\]">tasks.classes\[0\]\[1\]: class 12 is not in \[0, 10\) for mnist</,
    );
    expect(html).toMatch(/data-testid="start" disabled=""/);
    trainerStore
      .getState()
      .set({ check: badCheck('model.stateSize', 'model.stateSize: must be an integer in [1, 64], got 0') });
    expect(render()).toMatch(/data-testid="field-error-json" data-field="model.stateSize">model.stateSize: must be/);
  });

  it("while training: the run's badge, progress, rate and ETA, a rejected step, the form read-only, no offer", () => {
    trainerStore.getState().set({
      info: INFO,
      saved: null,
      error: 'a refused import',
      frame: frameOf({
        step: 12,
        stepsPerSecond: 0.66321,
        etaSeconds: 435,
        rejectedSteps: Int32Array.from([7]),
        lastRejection: 'step 7 rejected: pair 3: L- is NaN',
        lastSavedStep: 10,
      }),
    });
    const html = render();
    expect(html).toContain('data-testid="backend-badge">WebGPU · SwiftShader</span>');
    expect(html).toMatch(/<progress data-testid="progress" value="12" max="300" data-step="12" data-total="300">/);
    expect(html).toContain('data-testid="steps-per-second">0.663</b>');
    expect(html).toContain('data-testid="eta">7m15s</b>');
    expect(html).toContain(
      'step 7 rejected: pair 3: L- is NaN; parameters and optimiser state kept, the run goes on (1 rejected so far).',
    );
    expect(html).toMatch(/data-testid="error-message" role="alert">a refused import/);
    expect(html).toMatch(/data-testid="loss-chart" data-points="12" data-rejected="1"/);
    expect(html).toMatch(/<fieldset class="config-form" disabled=""/);
    expect(html).toMatch(/data-testid="pause-resume"[^>]*>Pause</);
    expect(testIds(html)).not.toContain('resume-offer');
  });

  it('paused: the button resumes, the ETA is not counting', () => {
    trainerStore.getState().set({ info: INFO, frame: frameOf({ step: 12, state: 'paused', etaSeconds: 435 }) });
    const html = render();
    expect(html).toMatch(/data-testid="pause-resume"[^>]*>Resume</);
    expect(html).toContain('data-testid="eta">—</b>');
  });
});
