import { describe, expect, it } from 'vitest';
import { matchPreset, PRESETS, presetQuery, presetSettings } from '../../src/ui/state/studioPresets';
import { settingsFromUrl } from '../../src/ui/state/urlSettings';

describe('PRESETS', () => {
  it('are the five of the issue and "Why share variables?" (issue 15), each with its own link', () => {
    expect(PRESETS.map((p) => p.title)).toEqual([
      'Fast association',
      'MNIST to Fashion-MNIST',
      'Unseen task: Sum Sign',
      'Shuffled pixels',
      'Unseen: 5 classes',
      'Why share variables?',
    ]);
    expect(PRESETS.map(presetQuery)).toEqual([
      'stream=association&fresh=1&speed=4',
      'data=fashion-mnist',
      'data=sum-sign',
      'shuffle=1',
      'cls=0,1,2,3,4',
      'learned=meta-rnn-mnist&data=fashion-mnist&base=',
    ]);
  });

  it('"Why share variables?" runs VSML and the shipped Meta RNN on Fashion-MNIST with no baselines, and says what to watch in plain words first, promising no result', () => {
    const why = PRESETS.find((p) => p.id === 'why-share');
    expect(why?.settings).toEqual({ dataset: 'fashion-mnist', learned: ['meta-rnn-mnist'], baselines: [] });
    expect(why?.watch).toMatch(
      /^Both were meta-trained on MNIST digits only\. Watch the Meta RNN's line beside VSML's/,
    );
    expect(why?.expect).toBeUndefined();
    expect(why?.vsmlBehind).toBeUndefined();
  });

  it("presetQuery read back by settingsFromUrl gives the preset's settings, and matchPreset finds it", () => {
    for (const p of PRESETS) {
      const read = settingsFromUrl(`?${presetQuery(p)}`);
      expect(read).toEqual({ settings: presetSettings(p), errors: [] });
      expect(matchPreset(read.settings)?.id).toBe(p.id);
    }
  });

  it('matchPreset ignores the view (speed, heatmap) and finds nothing for the defaults', () => {
    const fast = PRESETS[0];
    expect(matchPreset({ ...presetSettings(fast), speed: 100, j: 3, logX: true })?.id).toBe('fast-association');
    expect(matchPreset(settingsFromUrl('').settings)).toBeNull();
    expect(matchPreset({ ...presetSettings(fast), seed: 5 })).toBeNull();
    expect(matchPreset({ ...presetSettings(fast), quiz: 'class', present: true })?.id).toBe('fast-association');
  });

  it('Sum Sign says plainly that VSML loses (0.70 against 0.96 to 0.98 after 300 examples); no other preset is marked behind', () => {
    const sumSign = PRESETS.find((p) => p.id === 'sum-sign');
    expect(sumSign?.vsmlBehind).toBe(true);
    expect(sumSign?.expect).toMatch(
      /^VSML loses here\. After 300 examples it is right 0\.70 of the time; SGD and Adam are right 0\.96 to 0\.98\./,
    );
    expect(PRESETS.filter((p) => p.vsmlBehind).map((p) => p.id)).toEqual(['sum-sign']);
  });
});
