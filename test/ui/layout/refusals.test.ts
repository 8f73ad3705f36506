// refusalControls: the controls a refusal names, from the setting or file its message starts with.
import { describe, expect, it } from 'vitest';
import { refusalControls, type PickedNames } from '../../../src/ui/layout/refusals';

const none: PickedNames = { dataset: 'mnist', learnerFile: null, dataFiles: {} };

describe('refusalControls', () => {
  it('names one setting', () => {
    expect(refusalControls('classes: class 12 is not in [0, 10)', none)).toEqual(['classes']);
    expect(refusalControls('runs: must be a positive integer, got 0', none)).toEqual(['runs']);
    expect(
      refusalControls(
        'resize: task: 2000 examples x 262144 inputs is 2000 MiB of float32, over the 1024 MiB limit',
        none,
      ),
    ).toEqual(['resize']);
    expect(refusalControls('baselines[1]: sgd is listed twice', none)).toEqual(['baselines']);
    expect(refusalControls('stream: must be iid or association, got x', none)).toEqual(['stream']);
  });
  it('names every setting a memory refusal blames', () => {
    expect(refusalControls('S and resize: VSML state h and c needs 2 copies x 256 runs x 100000 cells', none)).toEqual([
      'runs',
      'resize',
    ]);
    expect(refusalControls('S and learner: config.hiddenSizes: too big', none)).toEqual(['runs', 'learner']);
  });
  it('names the dataset control for a refusal of the dataset by its name', () => {
    expect(refusalControls('mnist and S: state too big', none)).toEqual(['dataset', 'runs']);
    expect(refusalControls('emnist: labels: not an IDX file', { ...none, dataset: 'emnist' })).toEqual(['dataset']);
  });
  it('names the learner file input for a refusal of the picked learner file', () => {
    const picked = { ...none, learnerFile: 'deep.learner.json' };
    expect(refusalControls('deep.learner.json: not a learner: nested deeper than 64 levels', picked)).toEqual([
      'learner-file',
    ]);
    expect(refusalControls('other.learner.json: not a JSON file', picked)).toEqual([]);
  });
  it('names the learned-learner control for a refusal of a learned learner, by the worker ("learned: <file>: …") or of the picked file read by the page', () => {
    expect(
      refusalControls(
        'learned: m.learner.json: shape.inputSize: the meta-rnn learner reads 784 inputs and the dataset has 3072',
        none,
      ),
    ).toEqual(['learned']);
    expect(
      refusalControls('big.learner.json: file is 600 MiB, over the 64 MiB limit for a learner file', {
        ...none,
        learnedFile: 'big.learner.json',
      }),
    ).toEqual(['learned']);
  });
  it('names the data file input of the picked file the refusal is about, wherever it stands', () => {
    const picked = { ...none, dataset: 'fashion-mnist', dataFiles: { images: 'images.gz', labels: 'bad-labels.gz' } };
    expect(refusalControls('images.gz: file is 257 MiB, over the 256 MiB limit for a data file', picked)).toEqual([
      'data-file-images',
    ]);
    expect(refusalControls('fashion-mnist: bad-labels.gz: not a gzip file', picked)).toEqual(['data-file-labels']);
    expect(
      refusalControls('fashion-mnist: labels (bad-labels.gz: 3 bytes)', {
        ...picked,
        dataFiles: { labels: 'bad-labels.gz' },
      }),
    ).toEqual(['data-file-labels']);
  });
  it('names nothing for no error, a message without a setting, or a setting with no control', () => {
    expect(refusalControls(null, none)).toEqual([]);
    expect(refusalControls('the worker stopped', none)).toEqual([]);
    expect(refusalControls('seed: must be an integer in [0, 2^32), got -1', none)).toEqual([]);
  });
});
