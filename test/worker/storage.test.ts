// The stores and what the worker keeps in them: the memory store, a store opened on first use, the
// trainer's autosave record (written whole, described by its meta record), and the learner handed to
// the studio.
import { describe, expect, it } from 'vitest';
import { serialiseCheckpoint } from '../../src/meta/checkpoint';
import { serialiseLearner } from '../../src/model/formats/learner';
import {
  createMemoryStore,
  deferredStore,
  openIdbStore,
  StoredValueError,
  storedText,
  type KeyValueStore,
} from '../../src/worker/storage/keyValueStore';
import { rawStore } from './rawStore';
import { HANDOFF_LEARNER_KEY, loadHandoffLearner, saveHandoffLearner } from '../../src/worker/storage/learnerHandoff';
import {
  AUTOSAVE_KEY,
  AUTOSAVE_META_KEY,
  discardAutosave,
  readAutosave,
  readAutosaveMeta,
  writeAutosave,
} from '../../src/worker/trainer/trainerAutosave';
import { tinyTrainer } from '../meta/trainerHelpers';

describe('createMemoryStore', () => {
  it('gets what was put, null for nothing, and forgets a deleted key', async () => {
    const s = createMemoryStore();
    expect(await s.get('a')).toBeNull();
    await s.put('a', 'one');
    await s.put('a', 'two');
    expect(await s.get('a')).toBe('two');
    await s.delete('a');
    await s.delete('never');
    expect(await s.get('a')).toBeNull();
  });
});

describe('deferredStore', () => {
  it('opens on the first call, once; a failed open rejects that call and is tried again on the next', async () => {
    let opens = 0;
    const inner = createMemoryStore();
    const s = deferredStore(async () => {
      opens++;
      if (opens === 1) throw new Error('IndexedDB is not available here');
      return inner;
    });
    expect(opens).toBe(0);
    await expect(s.put('k', 'v')).rejects.toThrow('IndexedDB is not available here');
    await s.put('k', 'v');
    expect(await s.get('k')).toBe('v');
    await s.delete('k');
    expect(await inner.get('k')).toBeNull();
    expect(opens).toBe(2);
  });
});

describe('storedText', () => {
  it('nothing is null, text is itself, anything else is named (never taken for nothing)', () => {
    expect(storedText('k', undefined)).toBeNull();
    expect(storedText('k', '')).toBe('');
    expect(() => storedText('k', { a: 1 })).toThrow(new StoredValueError('k', 'an object'));
    expect(() => storedText('k', { a: 1 })).toThrow('"k" holds an object, not the text this app saves there');
    expect(() => storedText('k', [1])).toThrow('"k" holds an array, not');
    expect(() => storedText('k', 3)).toThrow('"k" holds a number, not');
    expect(() => storedText('k', null)).toThrow('"k" holds null, not');
  });
});

describe('openIdbStore', () => {
  it('rejects where there is no IndexedDB (Node), saying so', async () => {
    await expect(openIdbStore('vsml-studio', 'kv', undefined)).rejects.toThrow('IndexedDB is not available here');
  });
});

describe('trainer autosave record', () => {
  const meta = { step: 1, totalSteps: 6, savedAt: '2030-01-02T03:04:05.000Z', configName: 'custom' };

  async function saved(): Promise<{ store: KeyValueStore; text: string }> {
    const t = await tinyTrainer();
    await t.step();
    const text = serialiseCheckpoint(t.checkpoint());
    t.dispose();
    const store = createMemoryStore();
    await writeAutosave(store, meta, text, { from: 0, losses: [1.1], rejections: [], evaluations: [] });
    return { store, text };
  }

  it('reads back the checkpoint (as parseCheckpoint reads its text), the history and the meta record', async () => {
    const { store, text } = await saved();
    const r = await readAutosave(store);
    if (!r?.ok) throw new Error('not read');
    expect(serialiseCheckpoint(r.value.checkpoint)).toBe(text);
    expect(r.value.meta).toEqual(meta);
    expect(r.value.history).toEqual({ from: 0, losses: [1.1], rejections: [], evaluations: [] });
    expect(await readAutosaveMeta(store)).toEqual(meta);
  });

  it('without its meta record (a crash in the middle of a save) the offer comes from the record itself; nothing saved: null', async () => {
    const { store } = await saved();
    await store.put(AUTOSAVE_META_KEY, 'not json');
    expect(await readAutosaveMeta(store)).toEqual(meta);
    await store.delete(AUTOSAVE_META_KEY);
    expect(await readAutosaveMeta(store)).toEqual(meta);
    await discardAutosave(store);
    expect([await store.get(AUTOSAVE_KEY), await readAutosaveMeta(store), await readAutosave(store)]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('a record that is not text (an object another program put there) is named for the offer; a bad meta record defers to it', async () => {
    const values = new Map<string, unknown>([
      [AUTOSAVE_KEY, { format: 'vsml-trainer-autosave' }],
      [AUTOSAVE_META_KEY, { step: 3 }],
    ]);
    const store = rawStore(values);
    expect(await readAutosaveMeta(store)).toEqual({
      unreadable: 'autosave: "trainer-autosave" holds an object, not the text this app saves there',
    });
    await expect(readAutosave(store)).rejects.toThrow(StoredValueError);
    values.set(AUTOSAVE_KEY, '{"format": "vsml-trainer-autosave", "version": 2}');
    expect(await readAutosaveMeta(store)).toEqual({
      unreadable: 'autosave: not a vsml-trainer-autosave record of version 1',
    });
  });

  it('a record that is not JSON, of another format, or with a bad checkpoint is an error naming the autosave', async () => {
    const store = createMemoryStore();
    await store.put(AUTOSAVE_KEY, '{');
    expect(await readAutosave(store)).toMatchObject({
      ok: false,
      error: { field: 'autosave', message: expect.stringMatching(/^invalid JSON/) },
    });
    await store.put(AUTOSAVE_KEY, '{"format": "vsml-trainer-autosave", "version": 2}');
    expect(await readAutosave(store)).toEqual({
      ok: false,
      error: { code: 'format', field: 'autosave', message: 'not a vsml-trainer-autosave record of version 1' },
    });
    const { text } = await saved();
    const cp = JSON.parse(text);
    cp.optimizer.t = 5;
    await store.put(
      AUTOSAVE_KEY,
      JSON.stringify({
        format: 'vsml-trainer-autosave',
        version: 1,
        savedAt: 'x',
        configName: 'c',
        checkpoint: JSON.stringify(cp),
        history: null,
      }),
    );
    expect(await readAutosave(store)).toEqual({
      ok: false,
      error: {
        code: 'mismatch',
        field: 'autosave checkpoint.optimizer.t',
        message: 'must equal step - rejected (1), got 5',
      },
    });
  });
});

describe('learner handoff', () => {
  it("saves a learner's text and loads it back as the document; nothing saved or not JSON: null", async () => {
    const store = createMemoryStore();
    expect(await loadHandoffLearner(store)).toBeNull();
    const t = await tinyTrainer();
    const text = serialiseLearner(t.learner());
    t.dispose();
    await saveHandoffLearner(store, text);
    expect(await store.get(HANDOFF_LEARNER_KEY)).toBe(text);
    expect(await loadHandoffLearner(store)).toEqual(JSON.parse(text));
    await store.put(HANDOFF_LEARNER_KEY, '{"format"');
    expect(await loadHandoffLearner(store)).toBeNull();
  });
});
