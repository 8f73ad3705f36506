import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromUrl, settingsToUrl, type StudioSettings } from '../../src/ui/state/urlSettings';

describe('settingsFromUrl / settingsToUrl', () => {
  it('an empty URL is the defaults (the shipped learner on built-in MNIST test, 8 runs, seed 22, all four baselines, flat out)', () => {
    expect(settingsFromUrl('')).toEqual({ settings: DEFAULT_SETTINGS, error: null });
    expect(settingsToUrl(DEFAULT_SETTINGS)).toBe('');
    expect(DEFAULT_SETTINGS.baselines).toEqual(['sgd', 'adam', 'sgd-deep', 'adam-deep']);
    expect(DEFAULT_SETTINGS.speed).toBe(Infinity);
  });

  it('round-trips every setting through the query string', () => {
    const s: StudioSettings = {
      learner: 'vsml-clone-sgd', dataset: 'sum-sign', split: 'train', resize: 14, runs: 32, seed: 7, baselines: ['adam-deep'],
      classes: [3, 1, 4], shuffle: true, project: true, stream: 'association',
      layer: 1, vector: 'h', j: 5, norm: 'fixed', logX: true, speed: 20,
    };
    const url = settingsToUrl(s);
    expect(url).toBe('learner=vsml-clone-sgd&data=sum-sign&split=train&resize=14&cls=3,1,4&shuffle=1&proj=1&stream=association&S=32&seed=7&base=adam-deep&layer=1&vec=h&j=5&norm=fixed&logx=1&speed=20');
    expect(settingsFromUrl(`?${url}`)).toEqual({ settings: s, error: null });
    expect(settingsFromUrl('?base=')).toEqual({ settings: { ...DEFAULT_SETTINGS, baselines: [] }, error: null });
    expect(settingsFromUrl('?speed=max&resize=none').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('names the first bad key and falls back to the defaults', () => {
    const bad = (q: string) => settingsFromUrl(q).error;
    expect(bad('?S=0')).toBe('S: must be an integer in [1, 256], got "0"');
    expect(bad('?seed=-1')).toBe('seed: must be an integer in [0, 4294967295], got "-1"');
    expect(bad('?resize=1.5')).toBe('resize: must be an integer in [1, 512], got "1.5"');
    expect(bad('?data=mnistt')).toMatch(/^data: unknown dataset "mnistt" \(known: mnist, /);
    expect(bad('?base=sgd,rmsprop')).toBe('base: unknown baseline "rmsprop" (known: sgd, adam, sgd-deep, adam-deep)');
    expect(bad('?learner=../x')).toBe('learner: must be a shipped learner id (a-z, 0-9, -), got "../x"');
    expect(bad('?cls=1,1')).toBe('cls: lists a class twice, got "1,1"');
    expect(bad('?cls=4')).toBe('cls: needs at least 2 classes, got "4"');
    expect(bad('?shuffle=yes')).toBe('shuffle: must be 0 or 1, got "yes"');
    expect(bad('?stream=bursty')).toBe('stream: must be one of iid, association, got "bursty"');
    expect(bad('?norm=log')).toBe('norm: must be one of class, layer, fixed, got "log"');
    expect(bad('?speed=0')).toBe('speed: must be an integer in [1, 100000], got "0"');
    expect(bad('?zoom=3')).toBe('zoom: unknown setting (known: learner, data, split, resize, cls, shuffle, proj, stream, S, seed, base, layer, vec, j, norm, logx, speed)');
    expect(settingsFromUrl('?S=0').settings).toEqual(DEFAULT_SETTINGS);
  });
});
