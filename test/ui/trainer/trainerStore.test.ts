import { describe, expect, it } from 'vitest';
import { badCheck, createTrainerStore, DEFAULT_PRESET, fieldError } from '../../../src/ui/trainer/trainerStore';
import { PRESETS } from './fakeTrainer';

describe('trainer store', () => {
  it('starts from the quick demo (DEFAULT_PRESET), or the first preset without one', () => {
    expect(DEFAULT_PRESET).toBe('quick-demo');
    const store = createTrainerStore();
    store.getState().setPresets(PRESETS);
    expect(store.getState().presetName).toBe('quick-demo');
    expect(store.getState().doc).toBe(PRESETS[1].config);
    const other = createTrainerStore();
    other.getState().setPresets([PRESETS[0]]);
    expect(other.getState().presetName).toBe('paper-fig6');
  });

  it('a form edit changes the document and its JSON text but not the revision', () => {
    const store = createTrainerStore();
    store.getState().setPresets(PRESETS);
    const rev = store.getState().docRevision;
    store.getState().editField('pairs', 4);
    expect(store.getState().doc.pairs).toBe(4);
    expect(JSON.parse(store.getState().jsonText).pairs).toBe(4);
    expect(store.getState().docRevision).toBe(rev);
    expect(PRESETS[1].config.pairs).toBe(8); // the preset itself is untouched
  });

  it('a JSON edit replaces the document (the form re-reads it); text that is not an object keeps the last good document', () => {
    const store = createTrainerStore();
    store.getState().setPresets(PRESETS);
    const rev = store.getState().docRevision;
    store.getState().editJson('{"pairs": 2}');
    expect(store.getState().doc).toEqual({ pairs: 2 });
    expect(store.getState().docRevision).toBe(rev + 1);
    store.getState().editJson('{"pairs": ');
    expect(store.getState().doc).toEqual({ pairs: 2 });
    expect(store.getState().jsonText).toBe('{"pairs": ');
    expect(store.getState().jsonError).toMatch(/^not JSON/);
  });

  it('choosing a preset replaces the document and the revision', () => {
    const store = createTrainerStore();
    store.getState().setPresets(PRESETS);
    store.getState().editField('pairs', 3);
    store.getState().selectPreset('paper-fig6');
    expect(store.getState().doc).toBe(PRESETS[0].config);
    expect(store.getState().presetName).toBe('paper-fig6');
    store.getState().selectPreset('no-such');
    expect(store.getState().presetName).toBe('paper-fig6');
  });

  it("fieldError gives a bad check's message to its form field only", () => {
    const bad = badCheck('tasks.resize[1]', 'tasks.resize[1]: must be null or an integer in [1, 512], got "x"');
    expect(bad).toMatchObject({ formField: 'tasks.resize' });
    expect(fieldError(bad, 'tasks.resize')).toBe('tasks.resize[1]: must be null or an integer in [1, 512], got "x"');
    expect(fieldError(bad, 'pairs')).toBeNull();
    expect(fieldError({ state: 'ok', summary: '' }, 'tasks.resize')).toBeNull();
  });

  it('lists each loaded file once', () => {
    const store = createTrainerStore();
    store.getState().addLoadedFile('a.gz');
    store.getState().addLoadedFile('a.gz');
    store.getState().addLoadedFile('b.gz');
    expect(store.getState().loadedFiles).toEqual(['a.gz', 'b.gz']);
  });
});
