// The studio controller on a fake worker: the open pipeline (serialised opens, refusals, files picked
// while another open is in flight, a thrown error), the learner and data files from disk, and links
// whose settings the worker refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioController } from '../../../src/ui/session/controller';
import type { Frame } from '../../../src/worker/session/contract';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import { DEFAULT_SETTINGS } from '../../../src/ui/state/urlSettings';
import { FakeSession, FakeStudioEnv, flush, INFO, pickedFile } from './fakeSession';

let worker: FakeSession;
let env: FakeStudioEnv;
let studio: StudioController;
let store: StudioStore;

/** A frame of `examples` examples seen, playing (only the fields the controller reads matter). */
const frameOf = (examples: number): Frame =>
  ({ examplesSeen: examples, playing: true, notice: null, infoRevision: 0 }) as unknown as Frame;

const learnerText = (id: string) => JSON.stringify({ format: 'vsml-learner', id });
const live = () => store.getState();

beforeEach(() => {
  store = createStudioStore();
  worker = new FakeSession();
  env = new FakeStudioEnv();
  studio = new StudioController(worker.api, store, env);
});

afterEach(() => studio.dispose());

/** A page opened on a link with these settings (the controller made after the URL was read). */
function openedOn(settings: Partial<typeof DEFAULT_SETTINGS>): void {
  studio.dispose();
  store.setState({ settings: { ...DEFAULT_SETTINGS, ...settings } });
  studio = new StudioController(worker.api, store, env);
}

describe('StudioController opens', () => {
  it("the default learner on the URL's settings at start, and again when a session setting changes", async () => {
    await studio.start();
    expect(worker.opens).toHaveLength(1);
    expect(worker.opens[0].learner).toEqual({ format: 'vsml-learner', id: 'vsml-mnist' });
    expect(live().status).toBe('running');
    store.getState().update({ runs: 4 });
    await flush();
    expect(worker.opens.map((o) => o.settings.runs)).toEqual([8, 4]);
  });
});

describe('StudioController changes while an open is on its way', () => {
  it('merges into one open of the newest settings: S 8 -> 4 -> 2 -> 1 opens 8, 4, 1 (2 is dropped, not replayed)', async () => {
    await studio.start();
    worker.holdOpens = true;
    store.getState().update({ runs: 4 });
    await flush();
    store.getState().update({ runs: 2 });
    store.getState().update({ runs: 1 });
    await flush();
    expect(worker.opens.map((o) => o.settings.runs)).toEqual([8, 4]);
    worker.release();
    await flush();
    worker.release();
    await flush();
    expect(worker.opens.map((o) => o.settings.runs)).toEqual([8, 4, 1]);
    expect(live().sessionSerial).toBe(3);
    expect(live().pending).toBeNull();
  });

  it('shows the change as pending at once, on the call, until its session is in', async () => {
    await studio.start();
    expect(live().pending).toBeNull();
    worker.holdOpens = true;
    studio.newSeeds();
    expect(live().pending).toBe('restarting…');
    expect(store.getState().settings.seed).toBe(1234);
    await flush();
    expect(live().pending).toBe('restarting…');
    worker.release();
    await flush();
    expect(worker.opens.map((o) => o.settings.seed)).toEqual([22, 1234]);
    expect(live().pending).toBeNull();
    store.getState().update({ runs: 2 });
    expect(live().pending).toBe('applying…');
  });

  it('restart, same seeds: the worker restarts the running session (no new open) and the page counts a new session', async () => {
    await studio.start();
    const p = studio.restartSameSeeds();
    expect(live().pending).toBe('restarting…');
    expect(await p).toBeNull();
    expect(worker.restarts).toEqual([22]);
    expect(worker.opens).toHaveLength(1);
    expect(live().sessionSerial).toBe(2);
    expect(live().pending).toBeNull();
  });

  it('a restart asked for while a settings change opens is covered by the one open of the newest settings', async () => {
    await studio.start();
    worker.holdOpens = true;
    store.getState().update({ runs: 4 });
    await flush();
    store.getState().update({ runs: 2 });
    const restarted = studio.restartSameSeeds();
    worker.release();
    await flush();
    worker.release();
    expect(await restarted).toBeNull();
    expect(worker.opens.map((o) => o.settings.runs)).toEqual([8, 4, 2]);
    expect(worker.restarts).toEqual([]);
  });
});

describe('StudioController frames', () => {
  it('drops a frame of a session that was replaced while the frame was on its way (no old count under the new settings)', async () => {
    await studio.start();
    worker.frameReply = () => frameOf(6);
    worker.holdFrames = true;
    env.tick();
    await flush();
    expect(worker.heldFrames).toHaveLength(1);
    store.getState().update({ runs: 1 });
    await flush();
    expect(live().sessionSerial).toBe(2);
    worker.heldFrames.shift()?.();
    await flush();
    expect(live().frame).toBeNull();
    worker.frameReply = () => frameOf(1);
    env.tick();
    await flush();
    worker.heldFrames.shift()?.();
    await flush();
    expect(live().frame?.examplesSeen).toBe(1);
  });
});

describe('StudioController session info', () => {
  it("asks the worker for the info again when a frame's infoRevision changes (the move onto WebGPU)", async () => {
    await studio.start();
    expect(live().info?.backend).toBe('cpu');
    worker.frameReply = () => ({ ...frameOf(3), infoRevision: 0 });
    env.tick();
    await flush();
    worker.infoReply = { ...INFO, backend: 'webgpu', description: 'WebGPU: SwiftShader' };
    env.tick();
    await flush();
    expect(live().info?.backend).toBe('cpu');
    worker.frameReply = () => ({ ...frameOf(4), infoRevision: 1 });
    env.tick();
    await flush();
    expect(live().info?.description).toBe('WebGPU: SwiftShader');
  });
});

describe('StudioController session info before the first frame', () => {
  it("asks for the info on a session's first frame too (it changed before any frame: WebGPU refused at once)", async () => {
    await studio.start();
    worker.infoReply = { ...INFO, fallback: 'WebGPU could not run this session: no WebGPU adapter' };
    worker.frameReply = () => ({ ...frameOf(1), infoRevision: 1 });
    env.tick();
    await flush();
    expect(live().info?.fallback).toBe('WebGPU could not run this session: no WebGPU adapter');
  });
});

describe('StudioController datasets that need files', () => {
  it('pauses the running session and says so instead of showing it under the new name; going back shows and plays it again without an open', async () => {
    await studio.start();
    expect(live().playing).toBe(true);
    store.getState().update({ dataset: 'emnist-letters' });
    await flush();
    expect(live().status).toBe('waiting-for-files');
    expect(live().notice).toBe(
      'EMNIST letters (IDX files): load its images and labels files from your disk to run it.',
    );
    expect(live().playing).toBe(false);
    expect(worker.calls.at(-1)).toBe('pause');
    store.getState().update({ dataset: 'mnist' });
    await flush();
    expect(live().status).toBe('running');
    expect(live().notice).toBeNull();
    expect(live().playing).toBe(true);
    expect(worker.calls.at(-1)).toBe('play');
    expect(worker.opens).toHaveLength(1);
  });
});

describe('StudioController after an open that throws', () => {
  it('shows the error naming the file, keeps the running session, and later changes still open (the chain recovers)', async () => {
    await studio.start();
    worker.reply = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    await studio.loadLearnerFile(pickedFile('odd.learner.json', learnerText('odd')));
    expect(live().error).toBe('odd.learner.json: the session could not be opened: Maximum call stack size exceeded');
    expect(live().status).toBe('running');
    worker.reply = () => ({ ok: true, info: INFO });
    store.getState().update({ runs: 4 });
    await flush();
    expect(worker.opens.map((o) => o.settings.runs)).toEqual([8, 8, 4]);
    expect(worker.opens[2].learner).toEqual({ format: 'vsml-learner', id: 'vsml-mnist' });
    await studio.loadLearnerFile(pickedFile('good.learner.json', learnerText('good')));
    expect(worker.opens[3].learner).toEqual({ format: 'vsml-learner', id: 'good' });
    expect(live().learnerFile).toBe('good.learner.json');
    expect(live().error).toBeNull();
  });
});

describe('StudioController learner files', () => {
  it('refuses a file nested 5,000 levels deep before parsing it, naming the file; nothing is sent to the worker', async () => {
    await studio.start();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    await studio.loadLearnerFile(pickedFile('deep.learner.json', deep));
    expect(live().error).toBe('deep.learner.json: not a learner: nested deeper than 64 levels');
    expect(worker.opens).toHaveLength(1);
  });

  it('refuses a file over 64 MiB without reading it, naming the file and its size', async () => {
    await studio.start();
    const big = pickedFile('huge.learner.json', '{}', 600 * 2 ** 20);
    await studio.loadLearnerFile(big);
    expect(live().error).toBe('huge.learner.json: file is 600 MiB, over the 64 MiB limit for a learner file');
    expect(big.reads).toBe(0);
    expect(worker.opens).toHaveLength(1);
  });
});

describe('StudioController data files', () => {
  it('a file picked while another open is in flight is checked and used by an open of its own', async () => {
    openedOn({ dataset: 'emnist-letters' });
    await studio.start();
    expect(live().status).toBe('waiting-for-files');
    worker.holdOpens = true;
    await studio.loadDataFiles('emnist-letters', { images: pickedFile('images-a.gz', 'a') });
    const both = studio.loadDataFiles('emnist-letters', { labels: pickedFile('labels.gz', 'l') });
    await flush();
    expect(worker.opens).toHaveLength(1);
    const third = studio.loadDataFiles('emnist-letters', { images: pickedFile('images-b.gz', 'b') });
    await flush();
    worker.release();
    await both;
    await flush();
    expect(worker.opens).toHaveLength(2);
    worker.release();
    await third;
    const names = worker.opens.map((o) =>
      Object.values(o.files ?? {})
        .map((f) => f.name)
        .sort()
        .join(' + '),
    );
    expect(names).toEqual(['images-a.gz + labels.gz', 'images-b.gz + labels.gz']);
    expect(live().dataFiles).toEqual({ images: 'images-b.gz', labels: 'labels.gz' });
  });

  it('a file picked during an open and refused is named in the banner, and only it is put back', async () => {
    openedOn({ dataset: 'emnist-letters' });
    await studio.start();
    await studio.loadDataFiles('emnist-letters', {
      images: pickedFile('images-a.gz', 'a'),
      labels: pickedFile('labels.gz', 'l'),
    });
    worker.holdOpens = true;
    worker.reply = (call) =>
      call.files?.images.name === 'bad.gz'
        ? { ok: false, message: 'emnist-letters: images: bad.gz: not a gzip file' }
        : { ok: true, info: INFO };
    store.getState().update({ runs: 4 });
    await flush();
    const bad = studio.loadDataFiles('emnist-letters', { images: pickedFile('bad.gz', 'x') });
    await flush();
    worker.release();
    await flush();
    worker.release();
    await bad;
    expect(worker.opens.map((o) => o.files?.images.name)).toEqual(['images-a.gz', 'images-a.gz', 'bad.gz']);
    expect(live().error).toBe('emnist-letters: images: bad.gz: not a gzip file');
    expect(live().dataFiles).toEqual({ images: 'images-a.gz', labels: 'labels.gz' });
    expect(store.getState().settings.runs).toBe(4);
  });

  it('files are opened in the order they were picked, even when an earlier one takes longer to read (a good set, then a bad file: the bad one is refused and the good set runs)', async () => {
    openedOn({ dataset: 'emnist-letters' });
    await studio.start();
    worker.reply = (call) =>
      call.files?.labels.name === 'bad-labels.gz'
        ? { ok: false, message: 'emnist-letters: bad-labels.gz: is 7 bytes, shorter than the 8-byte IDX labels header' }
        : { ok: true, info: INFO };
    await studio.loadDataFiles('emnist-letters', { labels: pickedFile('labels.gz', 'l') });
    let readImages: () => void = () => undefined;
    const slow = {
      ...pickedFile('images.gz', 'i'),
      arrayBuffer: () =>
        new Promise<ArrayBuffer>(
          (done) => (readImages = () => done(new TextEncoder().encode('i').buffer as ArrayBuffer)),
        ),
    };
    const images = studio.loadDataFiles('emnist-letters', { images: slow });
    const bad = studio.loadDataFiles('emnist-letters', { labels: pickedFile('bad-labels.gz', 'x') });
    await flush();
    readImages();
    await Promise.all([images, bad]);
    const names = worker.opens.map((o) =>
      Object.values(o.files ?? {})
        .map((f) => f.name)
        .sort()
        .join(' + '),
    );
    expect(names).toEqual(['images.gz + labels.gz', 'bad-labels.gz + images.gz']);
    expect(live().error).toBe('emnist-letters: bad-labels.gz: is 7 bytes, shorter than the 8-byte IDX labels header');
    expect(live().dataFiles).toEqual({ images: 'images.gz', labels: 'labels.gz' });
    expect(live().status).toBe('running');
  });

  it('refuses a file over 256 MiB without reading it, naming the file and its size', async () => {
    openedOn({ dataset: 'emnist-letters' });
    await studio.start();
    const big = pickedFile('images.gz', 'x', 300 * 2 ** 20);
    await studio.loadDataFiles('emnist-letters', { images: big });
    expect(live().error).toBe('images.gz: file is 300 MiB, over the 256 MiB limit for a data file');
    expect(big.reads).toBe(0);
    expect(live().dataFiles).toEqual({});
  });
});

describe('StudioController links', () => {
  it('a link setting the worker refuses at start is named by its URL key, set back to its default, and the default session runs', async () => {
    openedOn({ resize: 512, runs: 4 });
    worker.reply = (call) =>
      call.settings.resize === 512
        ? {
            ok: false,
            message: 'resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit',
          }
        : { ok: true, info: INFO };
    await studio.start();
    expect(worker.opens.map((o) => [o.settings.resize, o.settings.runs])).toEqual([
      [512, 4],
      [null, 4],
    ]);
    expect(store.getState().urlErrors).toEqual([
      'resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit',
    ]);
    expect(live().status).toBe('running');
    expect(live().error).toBeNull();
  });

  it('?learner=trained with nothing handed over runs the default learner and says why', async () => {
    openedOn({ learner: 'trained' });
    await studio.start();
    expect(worker.opens.map((o) => o.learner)).toEqual([{ format: 'vsml-learner', id: 'vsml-mnist' }]);
    expect(store.getState().urlErrors).toEqual([
      'learner: no learner from the trainer in this browser (use "Open in studio" on the trainer page)',
    ]);
    expect(store.getState().settings.learner).toBe('vsml-mnist');
  });

  it('?learner=trained opens the document the session worker read from the hand-off store', async () => {
    worker.trained = { format: 'vsml-learner', id: 'handed-over' };
    openedOn({ learner: 'trained' });
    await studio.start();
    expect(worker.opens.map((o) => o.learner)).toEqual([{ format: 'vsml-learner', id: 'handed-over' }]);
    expect(store.getState().urlErrors).toEqual([]);
    expect(store.getState().settings.learner).toBe('trained');
  });

  it('?learner=trained whose store cannot be read says so and runs the default learner', async () => {
    worker.trainedError = 'IndexedDB is blocked';
    openedOn({ learner: 'trained' });
    await studio.start();
    expect(worker.opens.map((o) => o.learner)).toEqual([{ format: 'vsml-learner', id: 'vsml-mnist' }]);
    expect(store.getState().urlErrors).toEqual([
      "learner: the trainer's learner could not be read: IndexedDB is blocked",
    ]);
  });
});
