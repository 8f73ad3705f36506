// The studio's dataset catalog: which files a dataset needs before it opens. Fashion-MNIST needs none
// (its built-in subset runs), but once one file of its IDX pair is loaded the other is needed too.
import { describe, expect, it } from 'vitest';
import { DATASET_CATALOG, missingDataFiles, type DatasetEntry } from '../../src/worker/catalog';

const entry = (name: string): DatasetEntry => {
  const e = DATASET_CATALOG.find((d) => d.name === name);
  if (!e) throw new Error(`no ${name}`);
  return e;
};

describe('DATASET_CATALOG', () => {
  it('fashion-mnist: no file required, images and labels optional and together, "2,000 test images built in"', () => {
    const e = entry('fashion-mnist');
    expect([e.required, e.optional, e.together, e.builtin]).toEqual([
      [],
      ['images', 'labels'],
      ['images', 'labels'],
      '2,000 test images built in',
    ]);
    expect(e.title).toBe('Fashion-MNIST (2,000 built in, or IDX files)');
  });

  it('the other file datasets still need their files and have nothing built in (kmnist, emnist-letters, cifar10)', () => {
    expect(
      ['kmnist', 'emnist-letters', 'cifar10'].map((n) => [entry(n).required, entry(n).together, entry(n).builtin]),
    ).toEqual([
      [['images', 'labels'], [], null],
      [['images', 'labels'], [], null],
      [['records'], [], null],
    ]);
  });
});

describe('missingDataFiles', () => {
  it('fashion-mnist: nothing with no files; the partner once one file of the pair is loaded; nothing with both', () => {
    const e = entry('fashion-mnist');
    expect(missingDataFiles(e, {})).toEqual([]);
    expect(missingDataFiles(e, { images: 'i' })).toEqual(['labels']);
    expect(missingDataFiles(e, { labels: 'l' })).toEqual(['images']);
    expect(missingDataFiles(e, { images: 'i', labels: 'l' })).toEqual([]);
  });

  it('kmnist: both files until both are loaded; emnist-letters: its optional mapping is never missing; mnist: nothing', () => {
    expect(missingDataFiles(entry('kmnist'), {})).toEqual(['images', 'labels']);
    expect(missingDataFiles(entry('kmnist'), { labels: 'l' })).toEqual(['images']);
    expect(missingDataFiles(entry('emnist-letters'), { images: 'i', labels: 'l' })).toEqual([]);
    expect(missingDataFiles(entry('mnist'), {})).toEqual([]);
  });
});
