import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  refusedUrlSetting,
  settingsFromUrl,
  settingsToUrl,
  type StudioSettings,
} from '../../src/ui/state/urlSettings';

describe('settingsFromUrl / settingsToUrl', () => {
  it('an empty URL is the defaults (the shipped learner on built-in MNIST test, 8 runs, seed 22, all four baselines, flat out)', () => {
    expect(settingsFromUrl('')).toEqual({ settings: DEFAULT_SETTINGS, errors: [] });
    expect(settingsToUrl(DEFAULT_SETTINGS)).toBe('');
    expect(DEFAULT_SETTINGS.baselines).toEqual(['sgd', 'adam', 'sgd-deep', 'adam-deep']);
    expect(DEFAULT_SETTINGS.speed).toBe(Infinity);
  });

  it('round-trips every setting through the query string', () => {
    const s: StudioSettings = {
      learner: 'vsml-clone-sgd',
      learned: [],
      dataset: 'sum-sign',
      split: 'train',
      resize: 14,
      runs: 32,
      seed: 7,
      baselines: ['adam-deep'],
      classes: [3, 1, 4],
      shuffle: true,
      project: true,
      stream: 'association',
      order: 'adjacent',
      fresh: true,
      layer: 1,
      vector: 'h',
      j: 5,
      norm: 'fixed',
      logX: true,
      speed: 20,
      present: true,
      quiz: 'right',
    };
    const url = settingsToUrl(s);
    expect(url).toBe(
      'learner=vsml-clone-sgd&data=sum-sign&split=train&resize=14&cls=3,1,4&shuffle=1&proj=1&stream=association&order=adjacent&fresh=1&S=32&seed=7&base=adam-deep&layer=1&vec=h&j=5&norm=fixed&logx=1&speed=20&present=1&quiz=right',
    );
    expect(settingsFromUrl(`?${url}`)).toEqual({ settings: s, errors: [] });
    expect(settingsFromUrl('?base=')).toEqual({ settings: { ...DEFAULT_SETTINGS, baselines: [] }, errors: [] });
    expect(settingsFromUrl('?speed=max&resize=none').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('names a bad key and keeps its default', () => {
    const bad = (q: string) => settingsFromUrl(q).errors.join(' | ');
    expect(bad('?S=0')).toBe('S: must be an integer in [1, 256], got "0"');
    expect(bad('?seed=-1')).toBe('seed: must be an integer in [0, 4294967295], got "-1"');
    expect(bad('?resize=1.5')).toBe('resize: must be an integer in [1, 512], got "1.5"');
    expect(bad('?data=mnistt')).toMatch(/^data: unknown dataset "mnistt" \(known: mnist, /);
    expect(bad('?base=sgd,rmsprop')).toBe('base: unknown baseline "rmsprop" (known: sgd, adam, sgd-deep, adam-deep)');
    expect(bad('?learner=../x')).toBe('learner: unknown learner "../x" (known: vsml-mnist, vsml-clone-sgd, trained)');
    expect(bad('?learner=nope')).toBe('learner: unknown learner "nope" (known: vsml-mnist, vsml-clone-sgd, trained)');
    expect(bad('?cls=1,1')).toBe('cls: lists a class twice, got "1,1"');
    expect(bad('?learned=nope')).toMatch(/^learned: unknown learned learner "nope" \(known: /);
    expect(bad('?cls=4')).toBe('cls: needs at least 2 classes, got "4"');
    expect(bad('?shuffle=yes')).toBe('shuffle: must be 0 or 1, got "yes"');
    expect(bad('?stream=bursty')).toBe('stream: must be one of iid, association, got "bursty"');
    expect(bad('?order=mixed')).toBe('order: must be one of apart, adjacent, got "mixed"');
    expect(bad('?fresh=yes')).toBe('fresh: must be 0 or 1, got "yes"');
    expect(bad('?norm=log')).toBe('norm: must be one of class, layer, fixed, got "log"');
    expect(bad('?speed=0')).toBe('speed: must be an integer in [1, 100000], got "0"');
    expect(bad('?present=yes')).toBe('present: must be 0 or 1, got "yes"');
    expect(bad('?quiz=1')).toBe('quiz: must be one of off, class, right, got "1"');
    expect(bad('?zoom=3')).toBe(
      'zoom: unknown setting (known: learner, learned, data, split, resize, cls, shuffle, proj, stream, order, fresh, S, seed, base, layer, vec, j, norm, logx, speed, present, quiz)',
    );
    expect(settingsFromUrl('?S=0').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('names each bad key of a link, in order, and reads the good ones', () => {
    const r = settingsFromUrl('?learner=nope&data=sum-sign&S=0&cls=1,1&zoom=3&seed=5');
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, dataset: 'sum-sign', seed: 5 });
    expect(r.errors).toEqual([
      'learner: unknown learner "nope" (known: vsml-mnist, vsml-clone-sgd, trained)',
      'S: must be an integer in [1, 256], got "0"',
      'cls: lists a class twice, got "1,1"',
      'zoom: unknown setting (known: learner, learned, data, split, resize, cls, shuffle, proj, stream, order, fresh, S, seed, base, layer, vec, j, norm, logx, speed, present, quiz)',
    ]);
  });
});

describe('refusedUrlSetting', () => {
  const s: StudioSettings = {
    ...DEFAULT_SETTINGS,
    resize: 512,
    classes: [0, 12],
    runs: 4,
    project: true,
    baselines: ['sgd'],
  };
  it("puts a refusal of the worker under the link's key and sets that setting back to its default", () => {
    expect(
      refusedUrlSetting(
        'resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit',
        s,
      ),
    ).toEqual({
      error: 'resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit',
      settings: { ...s, resize: null },
    });
    expect(refusedUrlSetting('classes: class 12 is not in [0, 10) for mnist', s)).toEqual({
      error: 'cls: class 12 is not in [0, 10) for mnist',
      settings: { ...s, classes: null },
    });
    expect(refusedUrlSetting('runs: needs 9 GiB', s)?.error).toBe('S: needs 9 GiB');
    expect(refusedUrlSetting('project: too large', s)?.settings.project).toBe(false);
    expect(refusedUrlSetting('baselines[0]: unknown baseline "x"', s)).toEqual({
      error: 'base: unknown baseline "x"',
      settings: { ...s, baselines: DEFAULT_SETTINGS.baselines },
    });
    const wide =
      'learned: meta-rnn-mnist.learner.json: shape.inputSize: the meta-rnn learner reads 784 inputs and the dataset has 3072';
    expect(refusedUrlSetting(wide, { ...s, learned: ['meta-rnn-mnist'] })).toEqual({
      error: wide,
      settings: { ...s, learned: [] },
    });
  });
  it('is null for a refusal that names no setting of a link (a file, the engine)', () => {
    expect(refusedUrlSetting('mnist: images: not an IDX file', s)).toBeNull();
    expect(refusedUrlSetting("engine: the grid is over the GPU's limit", s)).toBeNull();
    expect(refusedUrlSetting('the session could not be opened: x', s)).toBeNull();
  });
});
