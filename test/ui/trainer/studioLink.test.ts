import { describe, expect, it } from 'vitest';
import { settingsFromUrl } from '../../../src/ui/state/urlSettings';
import { studioUrlFor, taskWords } from '../../../src/ui/trainer/studioLink';
import { trainedTask } from '../../../src/worker/trainer/trainedTask';
import { DEFAULT_META_CONFIG, type TaskAxes } from '../../../src/meta/metaConfig';

const axes = (patch: Partial<TaskAxes>): TaskAxes => ({ ...DEFAULT_META_CONFIG.tasks, ...patch });

describe('trainedTask', () => {
  it("quick-demo's axes (7x7 MNIST, classes 0-2, raw and projected): the raw variant, one other", () => {
    expect(trainedTask(axes({ resize: [7], classes: [[0, 1, 2]], project: [false, true] }))).toEqual({
      dataset: 'mnist',
      resize: 7,
      classes: [0, 1, 2],
      project: false,
      otherVariants: 0,
    });
  });

  it('projected only when every variant is; the first dataset, side and subset of several', () => {
    const t = trainedTask(
      axes({
        datasets: [{ name: 'fashion-mnist' }, { name: 'mnist' }],
        resize: [14, 7],
        classes: [null, [1, 2]],
        project: [true],
      }),
    );
    expect(t).toEqual({ dataset: 'fashion-mnist', resize: 14, classes: null, project: true, otherVariants: 7 });
  });
});

describe('studioUrlFor', () => {
  it('quick-demo: the trained learner on 7x7 MNIST, classes 0, 1, 2', () => {
    const url = studioUrlFor({ dataset: 'mnist', resize: 7, classes: [0, 1, 2], project: false, otherVariants: 0 });
    expect(url).toBe('./?learner=trained&resize=7&cls=0,1,2');
    const back = settingsFromUrl(url.slice(2));
    expect(back.errors).toEqual([]);
    expect(back.settings).toMatchObject({
      learner: 'trained',
      dataset: 'mnist',
      resize: 7,
      classes: [0, 1, 2],
      project: false,
    });
  });

  it('paper-fig6 (full MNIST, all classes): only the learner', () => {
    expect(studioUrlFor({ dataset: 'mnist', resize: null, classes: null, project: false, otherVariants: 0 })).toBe(
      './?learner=trained',
    );
  });

  it('another dataset, projected', () => {
    expect(studioUrlFor({ dataset: 'fashion-mnist', resize: 14, classes: null, project: true, otherVariants: 0 })).toBe(
      './?learner=trained&data=fashion-mnist&resize=14&proj=1',
    );
  });
});

describe('taskWords', () => {
  it('names the dataset, side, classes and projection', () => {
    expect(taskWords({ dataset: 'mnist', resize: 7, classes: [0, 1, 2], project: false, otherVariants: 0 })).toBe(
      'mnist 7×7, classes 0, 1, 2',
    );
    expect(taskWords({ dataset: 'mnist', resize: null, classes: null, project: true, otherVariants: 0 })).toBe(
      'mnist, randomly projected',
    );
  });
});
