import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJsonFile, readTextFile, writeFileAtomic } from '../../src/cli/io';
import { line } from '../formats/helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vsml-io-'));
});

describe('readTextFile', () => {
  it('refuses a file over the size limit before reading it', async () => {
    await writeFile(join(dir, 'big.json'), 'x'.repeat(3 * 1024 * 1024));
    expect(line(await readTextFile(join(dir, 'big.json'), 2 * 1024 * 1024))).toBe(
      'file is 3.0 MiB, over the 2.0 MiB limit',
    );
  });

  it('says why a file cannot be read', async () => {
    expect(line(await readTextFile(join(dir, 'absent.json')))).toBe('cannot read: no such file');
    expect(line(await readTextFile(dir))).toBe('cannot read: not a regular file');
  });
});

describe('readJsonFile', () => {
  it('parses JSON and reports syntax errors as values', async () => {
    await writeFile(join(dir, 'ok.json'), '{"a":[1,2]}');
    await writeFile(join(dir, 'bad.json'), '{"a":[1,2}');
    expect(await readJsonFile(join(dir, 'ok.json'))).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(line(await readJsonFile(join(dir, 'bad.json')))).toMatch(/^invalid JSON: .+/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the target in one step and leaves no temporary file', async () => {
    const target = join(dir, 'out.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails without touching anything when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'nope', 'out.json'), 'x')).rejects.toThrow(/ENOENT/);
  });
});
