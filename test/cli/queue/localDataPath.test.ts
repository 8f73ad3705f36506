// Where a worker finds a dataset file the run names by another machine's path (esWorker.ts
// localDataPath): as given, else DIR/<folder>/<file>, else DIR/<file>, else as given.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDataPath } from '../../../src/cli/queue/esWorker';

describe('localDataPath', () => {
  let root = '';
  let dataDir = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vsml-local-data-'));
    dataDir = join(root, 'data');
    mkdirSync(join(dataDir, 'emnist'), { recursive: true });
    writeFileSync(join(root, 'here.idx'), '');
    writeFileSync(join(dataDir, 'emnist', 'letters.idx'), '');
    writeFileSync(join(dataDir, 'letters.idx'), '');
    writeFileSync(join(dataDir, 'flat.idx'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a path that exists is kept, with or without a data dir', () => {
    expect(localDataPath(join(root, 'here.idx'), dataDir)).toBe(join(root, 'here.idx'));
    expect(localDataPath(join(root, 'here.idx'), null)).toBe(join(root, 'here.idx'));
  });

  it('a missing path is found as DIR/<folder>/<file> first', () => {
    expect(localDataPath('/home/other/datasets/emnist/letters.idx', dataDir)).toBe(
      join(dataDir, 'emnist', 'letters.idx'),
    );
  });

  it('then as DIR/<file>', () => {
    expect(localDataPath('/home/other/datasets/kmnist/letters.idx', dataDir)).toBe(join(dataDir, 'letters.idx'));
    expect(localDataPath('/srv/x/flat.idx', dataDir)).toBe(join(dataDir, 'flat.idx'));
    expect(localDataPath('flat.idx', dataDir)).toBe(join(dataDir, 'flat.idx'));
  });

  it('found nowhere: unchanged', () => {
    expect(localDataPath('/home/other/datasets/emnist/digits.idx', dataDir)).toBe(
      '/home/other/datasets/emnist/digits.idx',
    );
  });

  it('data dir null: a missing path is unchanged', () => {
    expect(localDataPath('/home/other/datasets/emnist/letters.idx', null)).toBe(
      '/home/other/datasets/emnist/letters.idx',
    );
  });
});
