// The studio's "explain this step" and `vsml trace --explain` agree: a session (CPU engine, tiny
// learner with a hidden layer, 7x7 MNIST, seed 22) takes 6 examples, is taught a drawing, takes 3 more
// and explains the next; reproduce()'s documents go to `vsml trace --explain traceIndex --cell 1,2,4`,
// and the file's cell, y and probabilities are the explanation's, exactly.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explanationToJson } from '../../src/model/formats/explanation';
import { cpuApi, settings, tinyLearnerDoc } from '../worker/helpers';
import { tempDir, vsml, writeDoc } from './helpers';

describe("studio explainNext vs vsml trace --explain on reproduce()'s files", () => {
  it('the same cell, y and probabilities, with a taught drawing before the example (traceIndex 10, example 9)', async () => {
    const api = cpuApi();
    const r = await api.open(settings, tinyLearnerDoc());
    if (!r.ok) throw new Error(r.message);
    await api.step(6);
    const pixels = new Uint8ClampedArray(784).map((_, k) => (Math.abs((k % 28) - Math.floor(k / 28)) < 2 ? 255 : 0));
    expect((await api.teach({ width: 28, height: 28, pixels }, 2)).ok).toBe(true);
    await api.step(3);
    const e = await api.explainNext();
    if (!e.ok) throw new Error(e.message);
    expect([e.explanation.example, e.traceIndex]).toEqual([9, 10]);
    const docs = await api.reproduce();
    if (!docs.ok) throw new Error(docs.message);
    const dir = await tempDir();
    await writeDoc(dir, 'learner.json', tinyLearnerDoc());
    await writeDoc(dir, 'stream.json', JSON.parse(docs.stream));
    await writeDoc(dir, 'state.json', JSON.parse(docs.state));
    const out = join(dir, 'explain.json');
    const cli = await vsml(
      'trace',
      '--learner',
      join(dir, 'learner.json'),
      '--stream',
      join(dir, 'stream.json'),
      '--state',
      join(dir, 'state.json'),
      '--explain',
      String(e.traceIndex),
      '--explain-out',
      out,
      '--cell',
      '1,2,4',
      '--out',
      join(dir, 'trace.json'),
    );
    expect(cli.stderr).toEqual([]);
    const file = JSON.parse(await readFile(out, 'utf8'));
    const page = JSON.parse(
      JSON.stringify(explanationToJson({ ...e.explanation, example: e.traceIndex }, { layer: 1, a: 2, b: 4 })),
    );
    expect(file).toEqual(page);
    console.log(
      `cell (2, 4) of layer 1: c after ${file.layers[1].cells[0].ticks[0].c.join(', ')}; p ${file.probabilities.map((p: number) => p.toFixed(4)).join(' ')}`,
    );
  });
});
