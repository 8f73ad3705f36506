import { describe, expect, it } from 'vitest';
import { matchPreset, PRESETS, presetQuery, presetSettings } from '../../src/ui/state/presets';
import { settingsFromUrl } from '../../src/ui/state/urlSettings';

describe('PRESETS', () => {
  it('are the five of the issue, each with its own link', () => {
    expect(PRESETS.map((p) => p.title)).toEqual(['Fast association', 'MNIST to Fashion-MNIST', 'Unseen task: Sum Sign', 'Shuffled pixels', 'Unseen: 5 classes']);
    expect(PRESETS.map(presetQuery)).toEqual(['stream=association&fresh=1&speed=4', 'data=fashion-mnist', 'data=sum-sign', 'shuffle=1', 'cls=0,1,2,3,4']);
  });

  it('presetQuery read back by settingsFromUrl gives the preset\'s settings, and matchPreset finds it', () => {
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
    expect(sumSign?.expect).toMatch(/^VSML loses here\. After 300 examples it is right 0\.70 of the time; SGD and Adam are right 0\.96 to 0\.98\./);
    expect(PRESETS.filter((p) => p.vsmlBehind).map((p) => p.id)).toEqual(['sum-sign']);
  });
});
