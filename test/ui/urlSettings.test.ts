import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromUrl, settingsToUrl } from '../../src/ui/state/urlSettings';

describe('settingsFromUrl / settingsToUrl', () => {
  it('an empty URL is the defaults (the shipped learner on built-in MNIST test, 8 runs, seed 22, SGD and Adam)', () => {
    expect(settingsFromUrl('')).toEqual({ settings: DEFAULT_SETTINGS, error: null });
    expect(settingsToUrl(DEFAULT_SETTINGS)).toBe('');
  });

  it('round-trips every setting through the query string', () => {
    const s = { learner: 'vsml-clone-sgd', dataset: 'sum-sign', split: 'train' as const, resize: 14, runs: 32, seed: 7, baselines: ['adam-deep' as const] };
    const url = settingsToUrl(s);
    expect(url).toBe('learner=vsml-clone-sgd&data=sum-sign&split=train&resize=14&S=32&seed=7&base=adam-deep');
    expect(settingsFromUrl(`?${url}`)).toEqual({ settings: s, error: null });
    expect(settingsFromUrl('?base=')).toEqual({ settings: { ...DEFAULT_SETTINGS, baselines: [] }, error: null });
  });

  it('names the first bad key and falls back to the defaults', () => {
    const bad = (q: string) => settingsFromUrl(q).error;
    expect(bad('?S=0')).toBe('S: must be an integer in [1, 256], got "0"');
    expect(bad('?seed=-1')).toBe('seed: must be an integer in [0, 4294967295], got "-1"');
    expect(bad('?resize=1.5')).toBe('resize: must be an integer in [1, 512], got "1.5"');
    expect(bad('?data=mnistt')).toMatch(/^data: unknown dataset "mnistt" \(known: mnist, /);
    expect(bad('?base=sgd,rmsprop')).toBe('base: unknown baseline "rmsprop" (known: sgd, adam, sgd-deep, adam-deep)');
    expect(bad('?learner=../x')).toBe('learner: must be a shipped learner id (a-z, 0-9, -), got "../x"');
    expect(bad('?speed=3')).toBe('speed: unknown setting (known: learner, data, split, resize, S, seed, base)');
    expect(settingsFromUrl('?S=0').settings).toEqual(DEFAULT_SETTINGS);
  });
});
