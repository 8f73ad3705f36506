// The studio controller on Fashion-MNIST, whose 2,000 built-in test images run with no files: the
// preset opens at once (no "load its files" wait), and the user's IDX pair replaces the subset once
// both files are there (one file alone waits for its partner instead of being sent and refused).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioController } from '../../../src/ui/session/controller';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import { DEFAULT_SETTINGS } from '../../../src/ui/state/urlSettings';
import { FakeSession, FakeStudioEnv, flush, INFO, pickedFile } from './fakeSession';

let worker: FakeSession;
let studio: StudioController;
let store: StudioStore;

beforeEach(() => {
  store = createStudioStore();
  store.setState({ settings: { ...DEFAULT_SETTINGS, dataset: 'fashion-mnist' } });
  worker = new FakeSession();
  studio = new StudioController(worker.api, store, new FakeStudioEnv());
});

afterEach(() => studio.dispose());

const fileNames = () =>
  worker.opens.map((o) =>
    Object.values(o.files ?? {})
      .map((f) => f.name)
      .sort()
      .join(' + '),
  );

describe('StudioController on fashion-mnist (built-in subset)', () => {
  it('opens at start with no files and runs', async () => {
    await studio.start();
    expect(worker.opens.map((o) => [o.settings.dataset, o.files])).toEqual([['fashion-mnist', undefined]]);
    expect(store.getState().status).toBe('running');
    expect(store.getState().notice).toBeNull();
  });

  it('one file of the pair waits for its partner, naming it; both open the files', async () => {
    await studio.start();
    await studio.loadDataFiles('fashion-mnist', { images: pickedFile('t10k-images.gz', 'i') });
    await flush();
    expect(worker.opens).toHaveLength(1);
    expect(store.getState().status).toBe('waiting-for-files');
    expect(store.getState().notice).toBe(
      'Fashion-MNIST (2,000 built in, or IDX files): load its labels file from your disk to run it.',
    );
    await studio.loadDataFiles('fashion-mnist', { labels: pickedFile('t10k-labels.gz', 'l') });
    await flush();
    expect(fileNames()).toEqual(['', 't10k-images.gz + t10k-labels.gz']);
    expect(store.getState().status).toBe('running');
    expect(store.getState().dataFiles).toEqual({ images: 't10k-images.gz', labels: 't10k-labels.gz' });
  });

  it('a bad images file that waited for its labels is taken out when the pair is refused naming it; the good labels stay and the page asks for images', async () => {
    await studio.start();
    worker.reply = (call) =>
      call.files?.images?.name === 'images.gz'
        ? { ok: false, message: 'fashion-mnist: images.gz: not a gzip file' }
        : { ok: true, info: INFO };
    await studio.loadDataFiles('fashion-mnist', { images: pickedFile('images.gz', 'garbage') });
    await flush();
    expect(store.getState().status).toBe('waiting-for-files');
    expect(store.getState().playing).toBe(false);
    await studio.loadDataFiles('fashion-mnist', { labels: pickedFile('t10k-labels.gz', 'l') });
    await flush();
    expect(fileNames()).toEqual(['', 'images.gz + t10k-labels.gz']);
    expect(store.getState().error).toBe('fashion-mnist: images.gz: not a gzip file');
    expect(store.getState().dataFiles).toEqual({ labels: 't10k-labels.gz' });
    expect(store.getState().status).toBe('waiting-for-files');
    expect(store.getState().notice).toBe(
      'Fashion-MNIST (2,000 built in, or IDX files): load its images file from your disk to run it.',
    );
    await studio.loadDataFiles('fashion-mnist', { images: pickedFile('t10k-images.gz', 'i') });
    await flush();
    expect(fileNames()).toEqual(['', 'images.gz + t10k-labels.gz', 't10k-images.gz + t10k-labels.gz']);
    expect(store.getState().status).toBe('running');
    expect(store.getState().playing).toBe(true);
  });

  it('a refused pair naming neither file takes out the file of the change and goes back to the session that runs', async () => {
    await studio.start();
    worker.reply = (call) =>
      call.files ? { ok: false, message: 'fashion-mnist: labels: 3 labels for 5 images' } : { ok: true, info: INFO };
    await studio.loadDataFiles('fashion-mnist', { images: pickedFile('a.gz', 'a'), labels: pickedFile('b.gz', 'b') });
    await flush();
    expect(store.getState().dataFiles).toEqual({});
    expect(store.getState().status).toBe('running');
    expect(store.getState().playing).toBe(true);
  });
});
