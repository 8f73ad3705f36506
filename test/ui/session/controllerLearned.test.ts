// The studio controller with learned learners without variable sharing, on a fake worker: a shipped
// one by id (settings.learned) and files from disk go with every open as named documents; a refusal
// (by file and field) puts the settings back and takes the file out, the running session untouched;
// the strip's learner is passed on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioController } from '../../../src/ui/session/controller';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import { FakeSession, FakeStudioEnv, flush, INFO, pickedFile } from './fakeSession';

let worker: FakeSession;
let env: FakeStudioEnv;
let studio: StudioController;
let store: StudioStore;
const live = () => store.getState();

const RNN = { format: 'vsml-meta-rnn', id: 'shipped' };
const rnnText = (id: string) => JSON.stringify({ format: 'vsml-meta-rnn', id });

beforeEach(() => {
  store = createStudioStore();
  worker = new FakeSession();
  env = new FakeStudioEnv();
  env.assets.set('learners/meta-rnn-mnist.learner.json', RNN);
  studio = new StudioController(worker.api, store, env);
});

afterEach(() => studio.dispose());

describe('StudioController: shipped learned learners', () => {
  it('opens with none at first; a learned id in the settings reopens with its document named by id and file, fetched once', async () => {
    await studio.start();
    expect(worker.opens[0].learned).toEqual([]);
    live().update({ learned: ['meta-rnn-mnist'] });
    await flush();
    expect(worker.opens).toHaveLength(2);
    expect(worker.opens[1].learned).toEqual([
      { name: 'meta-rnn-mnist', file: 'meta-rnn-mnist.learner.json', document: RNN },
    ]);
    live().update({ runs: 4 });
    await flush();
    expect(worker.opens[2].learned).toEqual(worker.opens[1].learned);
    expect(env.fetched.filter((p) => p === 'learners/meta-rnn-mnist.learner.json')).toHaveLength(1);
    expect(live().sessionSerial).toBe(3);
  });

  it("a refusal by file and field is shown, the settings go back to the running session's (no learned line), and nothing reopens", async () => {
    await studio.start();
    const message =
      'learned: meta-rnn-mnist.learner.json: shape.inputSize: the meta-rnn learner reads 784 inputs and the dataset has 3072';
    worker.reply = (call) => (call.learned.length > 0 ? { ok: false, message } : { ok: true, info: INFO });
    live().update({ learned: ['meta-rnn-mnist'] });
    await flush();
    expect(live().error).toBe(message);
    expect(live().settings.learned).toEqual([]);
    expect([live().status, live().sessionSerial, live().pending]).toEqual(['running', 1, null]);
    await flush();
    expect(worker.opens).toHaveLength(2);
  });

  it('a shipped learned learner the page cannot fetch is refused as "learned:", before the worker is asked', async () => {
    await studio.start();
    live().update({ learned: ['gone'] });
    await flush();
    expect(live().error).toBe('learned: no shipped learner "gone" (HTTP 404)');
    expect(worker.opens).toHaveLength(1);
    expect(live().settings.learned).toEqual([]);
  });
});

describe('StudioController: learned-learner files from disk', () => {
  it('a file adds a line named by the file; later opens keep sending it; a file of the same name replaces it; remove takes it off', async () => {
    await studio.start();
    await studio.loadLearnedFile(pickedFile('mine.learner.json', rnnText('one')));
    expect(worker.opens[1].learned).toEqual([
      { name: 'mine.learner.json', file: 'mine.learner.json', document: { format: 'vsml-meta-rnn', id: 'one' } },
    ]);
    expect(live().learnedFiles).toEqual(['mine.learner.json']);
    live().update({ learned: ['meta-rnn-mnist'] });
    await flush();
    expect(worker.opens[2].learned.map((l) => l.name)).toEqual(['meta-rnn-mnist', 'mine.learner.json']);
    await studio.loadLearnedFile(pickedFile('mine.learner.json', rnnText('two')));
    expect(worker.opens[3].learned.map((l) => (l.document as { id: string }).id)).toEqual(['shipped', 'two']);
    expect(await studio.removeLearnedFile('mine.learner.json')).toBeNull();
    expect(worker.opens[4].learned.map((l) => l.name)).toEqual(['meta-rnn-mnist']);
    expect(live().learnedFiles).toEqual([]);
  });

  it('a file the worker refuses (a VSML learner, NaN parameters) is named with its field and taken out; the running session and its file stay', async () => {
    await studio.start();
    await studio.loadLearnedFile(pickedFile('good.learner.json', rnnText('good')));
    const message =
      'learned: vsml.learner.json: format: expected one of "vsml-meta-rnn", "vsml-hebbian", "vsml-fw-memory" (a learned learner), got "vsml-learner" (a VSML learner)';
    worker.reply = (call) =>
      call.learned.some((l) => l.name === 'vsml.learner.json') ? { ok: false, message } : { ok: true, info: INFO };
    await studio.loadLearnedFile(pickedFile('vsml.learner.json', JSON.stringify({ format: 'vsml-learner' })));
    expect(live().error).toBe(message);
    expect([live().status, live().sessionSerial]).toEqual(['running', 2]);
    expect(live().learnedFiles).toEqual(['good.learner.json']);
    live().update({ runs: 2 });
    await flush();
    expect(worker.opens.at(-1)?.learned.map((l) => l.name)).toEqual(['good.learner.json']);
    expect(live().error).toBeNull();
  });

  it('a file that is not JSON is refused by the page, naming the file; nothing is sent to the worker', async () => {
    await studio.start();
    await studio.loadLearnedFile(pickedFile('broken.learner.json', '{"format": '));
    expect(live().error).toMatch(/^broken\.learner\.json: not a JSON file/);
    expect(worker.opens).toHaveLength(1);
    expect(live().learnedFiles).toEqual([]);
  });
});

describe("StudioController: the strip's learner", () => {
  it('setStrip tells the worker and keeps the choice in the store', async () => {
    await studio.start();
    studio.setStrip('meta-rnn-mnist');
    await flush();
    expect(worker.strips).toEqual(['meta-rnn-mnist']);
    expect(live().strip).toBe('meta-rnn-mnist');
  });
});
