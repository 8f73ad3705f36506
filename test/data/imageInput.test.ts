// imageInput: one image through a task's data path gives exactly the task's own input for it.
import { beforeAll, describe, expect, it } from 'vitest';
import { drawingInput, imageInput } from '../../src/data/imageInput';
import { loadIdxFiles } from '../../src/data/load';
import { DATASETS } from '../../src/data/registry';
import { buildTask, type TaskSpec } from '../../src/data/task';
import { selectExamples } from '../../src/data/transforms/select';
import type { ImageSet } from '../../src/data/types';
import { sameValues, sharedFile, unwrap } from './helpers';

let mnist20: ImageSet;

beforeAll(async () => {
  const mnist = unwrap(
    await loadIdxFiles(DATASETS['mnist-idx'], {
      images: sharedFile('mnist/t10k-images-idx3-ubyte.gz'),
      labels: sharedFile('mnist/t10k-labels-idx1-ubyte.gz'),
    }),
  );
  mnist20 = selectExamples(
    mnist,
    Array.from({ length: 20 }, (_, i) => i),
  );
});

const image = (set: ImageSet, i: number) => (set.pixels as Uint8Array).subarray(i * 784, (i + 1) * 784);

describe('imageInput', () => {
  it.each<[string, TaskSpec]>([
    ['no transform', {}],
    ['resize 14, seed 3', { resize: 14, seed: 3 }],
    ['pixel shuffle, seed 5', { shufflePixels: true, seed: 5 }],
    ['resize 7 and projection, seed 9', { resize: 7, project: true, seed: 9 }],
    ['classes 3,1 (relabelled)', { classes: [3, 1], seed: 2 }],
  ])("equals buildTask's input for MNIST test images 0-19 bit for bit: %s", (_, spec) => {
    const task = unwrap(buildTask(mnist20, spec));
    if (task.kind !== 'examples') throw new Error('expected examples');
    const input = unwrap(imageInput(mnist20, spec));
    expect(input.inputSize).toBe(task.inputSize);
    const kept = spec.classes
      ? Array.from({ length: 20 }, (_, i) => i).filter((i) => spec.classes?.includes(mnist20.labels[i]))
      : Array.from({ length: 20 }, (_, i) => i);
    expect(kept.length).toBe(task.count);
    kept.forEach((i, n) => {
      const A = task.inputSize;
      expect(sameValues(input.transform(image(mnist20, i)), task.inputs.subarray(n * A, (n + 1) * A))).toBe(true);
    });
  });

  it('refuses data with 3 channels and generated data, naming the data set', () => {
    const rgb: ImageSet = { ...mnist20, name: 'cifar10/test', shape: { height: 32, width: 32, channels: 3 } };
    const r = imageInput(rgb);
    expect(r.ok ? '' : `${r.error.field}: ${r.error.message}`).toBe(
      'dataset: cifar10/test has 3 colour channels: a drawing (one grey channel) cannot be one of its examples',
    );
    const gen = imageInput({
      kind: 'generator',
      name: 'sum-sign',
      shape: { height: 1, width: 8, channels: 1 },
      numClasses: 2,
      classNames: ['-', '+'],
      normalisation: null,
      sample: () => 0,
    });
    expect(gen.ok ? '' : `${gen.error.field}: ${gen.error.message}`).toBe(
      'dataset: sum-sign is generated, not images: a drawing cannot be one of its examples',
    );
  });
});

describe('drawingInput', () => {
  it('a 28 x 28 drawing equals the same bytes as a data-set image; a 27-wide one is refused on drawing.width', () => {
    const input = unwrap(imageInput(mnist20, { resize: 14 }));
    const pixels = Uint8ClampedArray.from(image(mnist20, 4));
    expect(
      sameValues(unwrap(drawingInput(input, { width: 28, height: 28, pixels })), input.transform(image(mnist20, 4))),
    ).toBe(true);
    const bad = drawingInput(input, { width: 27, height: 28, pixels });
    expect(bad.ok ? '' : `${bad.error.field}: ${bad.error.message}`).toBe(
      "drawing.width: must be 28 (the data set's images), got 27",
    );
    const short = drawingInput(input, { width: 28, height: 28, pixels: pixels.subarray(1) });
    expect(short.ok ? '' : `${short.error.field}: ${short.error.message}`).toBe(
      'drawing.pixels: must hold 784 grey values, got 783',
    );
  });
});
