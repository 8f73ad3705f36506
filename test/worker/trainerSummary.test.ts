// Words about a config: check()'s summary (shapes from the registry, no data opened) and the name a
// run is saved under.
import { describe, expect, it } from 'vitest';
import { metaConfigToJson, parseMetaConfig, presetConfig } from '../../src/meta/metaConfigParse';
import { configNameOf, describeMetaConfig } from '../../src/worker/trainer/trainerSummary';
import { tinyConfig } from '../meta/trainerHelpers';

describe('describeMetaConfig', () => {
  it('one pair, one step, one variant; several shapes listed; files-defined shapes said so', () => {
    expect(
      describeMetaConfig(
        tinyConfig({
          pairs: 1,
          steps: 1,
          tasks: { datasets: ['mnist'], project: [false], resize: [7], classes: [[0, 1, 2]] },
          evaluation: { every: 0 },
        }),
      ),
    ).toBe('ES, 1 pair x T=12, 1 step, 1 task variant (49 inputs, 3 classes)');
    expect(
      describeMetaConfig(
        tinyConfig({
          tasks: { datasets: ['mnist', 'random'], project: [false], resize: [7, null], classes: [null] },
          evaluation: { every: 0 },
        }),
      ),
    ).toBe('ES, 4 pairs x T=12, 6 steps, 4 task variants (49 inputs, 10 classes; 784 inputs, 10 classes)');
    expect(
      describeMetaConfig(
        tinyConfig({
          tasks: {
            datasets: [{ name: 'mnist-idx', files: { images: 'i', labels: 'l' } }],
            project: [false],
            resize: [null],
            classes: [null],
          },
          evaluation: { every: 0 },
        }),
      ),
    ).toBe('ES, 4 pairs x T=12, 6 steps, 1 task variant (inputs from the files, 10 classes)');
  });
});

describe('configNameOf', () => {
  it('a preset is its name; a changed one "<name> (modified)"; anything else "custom"', () => {
    expect(configNameOf(presetConfig('quick-demo'))).toBe('quick-demo');
    const longer = parseMetaConfig({ ...metaConfigToJson(presetConfig('quick-demo')), steps: 500 });
    expect(longer.ok && configNameOf(longer.value)).toBe('quick-demo (modified)');
    const doc = { format: 'vsml-meta-config', version: 1, preset: 'clone-demo', pairs: 4 };
    const named = parseMetaConfig(doc);
    expect(named.ok && configNameOf(named.value, doc)).toBe('clone-demo (modified)');
    expect(configNameOf(tinyConfig())).toBe('custom');
  });
});
