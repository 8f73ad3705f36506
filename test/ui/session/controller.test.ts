// The studio controller on a fake worker: the open pipeline (serialised opens, refusals, files picked
// while another open is in flight, a thrown error), the learner and data files from disk, and links
// whose settings the worker refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioController } from '../../../src/ui/session/controller';
import { useLive } from '../../../src/ui/state/liveStore';
import { useSettings } from '../../../src/ui/state/settingsStore';
import { DEFAULT_SETTINGS } from '../../../src/ui/state/urlSettings';
import { FakeSession, FakeStudioEnv, flush, INFO, pickedFile } from './fakeSession';

let worker: FakeSession;
let env: FakeStudioEnv;
let studio: StudioController;

const learnerText = (id: string) => JSON.stringify({ format: 'vsml-learner', id });
const live = () => useLive.getState();

beforeEach(() => {
  useLive.setState(useLive.getInitialState(), true);
  useSettings.setState(useSettings.getInitialState(), true);
  worker = new FakeSession();
  env = new FakeStudioEnv();
  studio = new StudioController(worker.api, env);
});

afterEach(() => studio.dispose());

/** A page opened on a link with these settings (the controller made after the URL was read). */
function openedOn(settings: Partial<typeof DEFAULT_SETTINGS>): void {
  studio.dispose();
  useSettings.setState({ settings: { ...DEFAULT_SETTINGS, ...settings } });
  studio = new StudioController(worker.api, env);
}

describe('StudioController opens', () => {
  it('the default learner on the URL\'s settings at start, and again when a session setting changes', async () => {
    await studio.start();
    expect(worker.opens).toHaveLength(1);
    expect(worker.opens[0].learner).toEqual({ format: 'vsml-learner', id: 'vsml-mnist' });
    expect(live().status).toBe('running');
    useSettings.getState().update({ runs: 4 });
    await flush();
    expect(worker.opens.map((o) => o.settings.runs)).toEqual([8, 4]);
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
    useSettings.getState().update({ runs: 4 });
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
    openedOn({ dataset: 'fashion-mnist' });
    await studio.start();
    expect(live().status).toBe('waiting-for-files');
    worker.holdOpens = true;
    await studio.loadDataFiles('fashion-mnist', { images: pickedFile('images-a.gz', 'a') });
    const both = studio.loadDataFiles('fashion-mnist', { labels: pickedFile('labels.gz', 'l') });
    await flush();
    expect(worker.opens).toHaveLength(1);
    const third = studio.loadDataFiles('fashion-mnist', { images: pickedFile('images-b.gz', 'b') });
    await flush();
    worker.release();
    await both;
    await flush();
    expect(worker.opens).toHaveLength(2);
    worker.release();
    await third;
    const names = worker.opens.map((o) => Object.values(o.files ?? {}).map((f) => f.name).sort().join(' + '));
    expect(names).toEqual(['images-a.gz + labels.gz', 'images-b.gz + labels.gz']);
    expect(live().dataFiles).toEqual({ images: 'images-b.gz', labels: 'labels.gz' });
  });

  it('a file picked during an open and refused is named in the banner, and only it is put back', async () => {
    openedOn({ dataset: 'fashion-mnist' });
    await studio.start();
    await studio.loadDataFiles('fashion-mnist', { images: pickedFile('images-a.gz', 'a'), labels: pickedFile('labels.gz', 'l') });
    worker.holdOpens = true;
    worker.reply = (call) => (call.files?.images.name === 'bad.gz' ? { ok: false, message: 'fashion-mnist: images: bad.gz: not a gzip file' } : { ok: true, info: INFO });
    useSettings.getState().update({ runs: 4 });
    await flush();
    const bad = studio.loadDataFiles('fashion-mnist', { images: pickedFile('bad.gz', 'x') });
    await flush();
    worker.release();
    await flush();
    worker.release();
    await bad;
    expect(worker.opens.map((o) => o.files?.images.name)).toEqual(['images-a.gz', 'images-a.gz', 'bad.gz']);
    expect(live().error).toBe('fashion-mnist: images: bad.gz: not a gzip file');
    expect(live().dataFiles).toEqual({ images: 'images-a.gz', labels: 'labels.gz' });
    expect(useSettings.getState().settings.runs).toBe(4);
  });

  it('files are opened in the order they were picked, even when an earlier one takes longer to read (a good set, then a bad file: the bad one is refused and the good set runs)', async () => {
    openedOn({ dataset: 'fashion-mnist' });
    await studio.start();
    worker.reply = (call) => (call.files?.labels.name === 'bad-labels.gz' ? { ok: false, message: 'fashion-mnist: bad-labels.gz: is 7 bytes, shorter than the 8-byte IDX labels header' } : { ok: true, info: INFO });
    await studio.loadDataFiles('fashion-mnist', { labels: pickedFile('labels.gz', 'l') });
    let readImages: () => void = () => undefined;
    const slow = { ...pickedFile('images.gz', 'i'), arrayBuffer: () => new Promise<ArrayBuffer>((done) => (readImages = () => done(new TextEncoder().encode('i').buffer as ArrayBuffer))) };
    const images = studio.loadDataFiles('fashion-mnist', { images: slow });
    const bad = studio.loadDataFiles('fashion-mnist', { labels: pickedFile('bad-labels.gz', 'x') });
    await flush();
    readImages();
    await Promise.all([images, bad]);
    const names = worker.opens.map((o) => Object.values(o.files ?? {}).map((f) => f.name).sort().join(' + '));
    expect(names).toEqual(['images.gz + labels.gz', 'bad-labels.gz + images.gz']);
    expect(live().error).toBe('fashion-mnist: bad-labels.gz: is 7 bytes, shorter than the 8-byte IDX labels header');
    expect(live().dataFiles).toEqual({ images: 'images.gz', labels: 'labels.gz' });
    expect(live().status).toBe('running');
  });

  it('refuses a file over 256 MiB without reading it, naming the file and its size', async () => {
    openedOn({ dataset: 'fashion-mnist' });
    await studio.start();
    const big = pickedFile('images.gz', 'x', 300 * 2 ** 20);
    await studio.loadDataFiles('fashion-mnist', { images: big });
    expect(live().error).toBe('images.gz: file is 300 MiB, over the 256 MiB limit for a data file');
    expect(big.reads).toBe(0);
    expect(live().dataFiles).toEqual({});
  });
});

describe('StudioController links', () => {
  it('a link setting the worker refuses at start is named by its URL key, set back to its default, and the default session runs', async () => {
    openedOn({ resize: 512, runs: 4 });
    worker.reply = (call) =>
      call.settings.resize === 512 ? { ok: false, message: 'resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit' } : { ok: true, info: INFO };
    await studio.start();
    expect(worker.opens.map((o) => [o.settings.resize, o.settings.runs])).toEqual([[512, 4], [null, 4]]);
    expect(useSettings.getState().urlErrors).toEqual(['resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit']);
    expect(live().status).toBe('running');
    expect(live().error).toBeNull();
  });

  it('?learner=trained with nothing handed over runs the default learner and says why', async () => {
    openedOn({ learner: 'trained' });
    await studio.start();
    expect(worker.opens.map((o) => o.learner)).toEqual([{ format: 'vsml-learner', id: 'vsml-mnist' }]);
    expect(useSettings.getState().urlErrors).toEqual(['learner: no learner from the trainer in this browser (use "Open in studio" on the trainer page)']);
    expect(useSettings.getState().settings.learner).toBe('vsml-mnist');
  });
});
