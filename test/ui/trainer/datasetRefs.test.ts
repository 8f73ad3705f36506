import { describe, expect, it } from 'vitest';
import {
  missingFiles,
  referencedFiles,
  refFiles,
  refName,
  withEvalField,
  withRefFile,
  withRefName,
} from '../../../src/ui/trainer/datasetRefs';

describe('dataset references', () => {
  it('read a bare name or an object', () => {
    expect(refName('mnist')).toBe('mnist');
    expect(refName({ name: 'fashion-mnist', files: { images: 'a.gz' } })).toBe('fashion-mnist');
    expect(refName(3)).toBe('');
    expect(refFiles('mnist')).toEqual({});
    expect(refFiles({ name: 'x', files: { images: 'a.gz', labels: 7 } })).toEqual({ images: 'a.gz' });
  });

  it('withRefName keeps the files the new dataset accepts and falls back to the bare name', () => {
    const fm = { name: 'fashion-mnist', files: { images: 'i.gz', labels: 'l.gz' }, normalize: 'mnist' };
    expect(withRefName('kmnist', ['images', 'labels'], fm)).toEqual({
      name: 'kmnist',
      files: { images: 'i.gz', labels: 'l.gz' },
    });
    expect(withRefName('mnist', [], fm)).toBe('mnist');
    expect(withRefName('cifar10', ['records', 'classes'], fm)).toBe('cifar10');
  });

  it('withRefFile names a file for a role and keeps the other options', () => {
    expect(withRefFile('fashion-mnist', 'images', 'i.gz')).toEqual({
      name: 'fashion-mnist',
      files: { images: 'i.gz' },
    });
    expect(
      withRefFile({ name: 'fashion-mnist', files: { images: 'i.gz' }, normalize: 'mnist' }, 'labels', 'l.gz'),
    ).toEqual({
      name: 'fashion-mnist',
      files: { images: 'i.gz', labels: 'l.gz' },
      normalize: 'mnist',
    });
  });
});

describe('files a document names', () => {
  const doc = {
    init: 'start.learner.json',
    tasks: { datasets: ['mnist', { name: 'fashion-mnist', files: { images: 'i.gz', labels: 'l.gz' } }] },
    evaluation: {
      datasets: [
        { dataset: { name: 'fashion-mnist', files: { images: 'i.gz', labels: 'tl.gz' } } },
        { dataset: 'mnist' },
      ],
    },
  };
  it('lists each use with its path', () => {
    expect(referencedFiles(doc)).toEqual([
      { path: 'tasks.datasets[1].files.images', name: 'i.gz' },
      { path: 'tasks.datasets[1].files.labels', name: 'l.gz' },
      { path: 'evaluation.datasets[0].dataset.files.images', name: 'i.gz' },
      { path: 'evaluation.datasets[0].dataset.files.labels', name: 'tl.gz' },
      { path: 'init', name: 'start.learner.json' },
    ]);
  });
  it('missingFiles names the first use of each file not loaded', () => {
    expect(missingFiles(doc, new Set(['l.gz', 'start.learner.json']))).toEqual([
      { path: 'tasks.datasets[1].files.images', name: 'i.gz' },
      { path: 'evaluation.datasets[0].dataset.files.labels', name: 'tl.gz' },
    ]);
    expect(missingFiles({ tasks: { datasets: ['mnist'] }, init: null }, new Set())).toEqual([]);
  });
});

describe('withEvalField', () => {
  const entry = {
    name: 'mnist/test 7x7 classes 0.1.2',
    dataset: 'mnist',
    split: 'test',
    resize: 7,
    project: false,
    classes: [0, 1, 2],
  };
  it("sets the field and drops the worker's default name, which no longer fits", () => {
    expect(withEvalField(entry, 'resize', 14)).toEqual({
      dataset: 'mnist',
      split: 'test',
      resize: 14,
      project: false,
      classes: [0, 1, 2],
    });
    expect(withEvalField(entry, 'classes', undefined)).toEqual({
      dataset: 'mnist',
      split: 'test',
      resize: 7,
      project: false,
    });
    expect(entry.resize).toBe(7);
  });
  it("keeps a name of the user's own", () => {
    expect(withEvalField({ ...entry, name: 'digits' }, 'resize', 14)).toMatchObject({ name: 'digits', resize: 14 });
    expect(withEvalField({ dataset: 'mnist' }, 'name', 'mine')).toEqual({ dataset: 'mnist', name: 'mine' });
  });
});
