// vsml as a real process: exit codes and exactly one stderr line, never a stack trace.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { learnerDoc, streamDoc } from '../formats/helpers';
import { tempDir, vsmlProcess, writeDoc } from './helpers';

let dir: string;
let learner: string;
let stream: string;
beforeAll(async () => {
  dir = await tempDir();
  learner = await writeDoc(dir, 'learner.json', learnerDoc());
  stream = await writeDoc(dir, 'stream.json', streamDoc());
});

const oneLine = (stderr: string): string => {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
};

describe('vsml (process)', () => {
  it('exits 2 with one line for a malformed learner', async () => {
    const doc = learnerDoc();
    doc.params.lstm.w[3].pop();
    const bad = await writeDoc(dir, 'short.json', doc);
    const r = vsmlProcess('trace', '--learner', bad, '--stream', stream, '--out', join(dir, 'o.json'));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`${bad}: params.lstm.w[3]: expected 16 numbers, got 15`);
  });

  it('exits 2 with one line for a label out of range', async () => {
    const doc = streamDoc();
    doc.labels[0] = 5;
    const bad = await writeDoc(dir, 'labels.json', doc);
    const r = vsmlProcess('trace', '--learner', learner, '--stream', bad, '--out', join(dir, 'o.json'));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`${bad}: labels[0]: must be an integer in [0, 1], got 5`);
  });

  it('exits 2 with the usage line for an unknown command and a missing flag', () => {
    const unknown = vsmlProcess('trase');
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toBe(
      'vsml: unknown command "trase" (commands: trace, evaluate, table, meta-train, worker, clone-check)',
    );
    const missing = vsmlProcess('trace', '--learner', learner, '--stream', stream);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toMatch(/^vsml trace: missing required flag --out \(usage: vsml trace --learner/);
  });
});
