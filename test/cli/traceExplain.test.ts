// vsml trace --explain T --explain-out E.json [--cell L,A,B]: example T's explanation equals
// explainExample run on tickNetwork's own carry after examples 0..T-1 (bit for bit, the file's
// float32 values written exactly), on a grid with a hidden layer and across chunk boundaries; bad
// flags are one line naming the flag.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRACE_CHUNK } from '../../src/cli/trace';
import { specShapes } from '../../src/model/engine';
import { explainExample } from '../../src/model/explain';
import type { Explanation } from '../../src/model/explainTypes';
import { explanationToJson } from '../../src/model/formats/explanation';
import { parseTrace } from '../../src/model/formats/trace';
import { initParams, initRunState } from '../../src/model/init';
import { tickNetwork, zeroCarry } from '../../src/model/reference';
import { Rng } from '../../src/model/rng';
import { cloneRunState } from '../../src/model/state';
import { expectOk, learnerDoc, smallConfig } from '../formats/helpers';
import { tempDir, vsml, writeDoc } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const cfg = smallConfig({ stateSize: 3, messageSize: 3, microTicks: 2, hiddenSizes: [2] });
const A = 4;
const K = 3;
const shapes = specShapes({ config: cfg, inputSize: A, numClasses: K, runs: 1 });

/** A seeded stream of T examples (inputs ~ N(0, 1)). */
function streamOf(T: number, seed: number) {
  const rng = new Rng(seed);
  const inputs = Array.from({ length: T }, () => Array.from({ length: A }, () => Math.fround(rng.normal())));
  const labels = Array.from({ length: T }, () => rng.int(K));
  return { format: 'vsml-stream', version: 1, numClasses: K, inputs, labels };
}

/** Example T's explanation computed apart from the CLI: tickNetwork over examples 0..T-1 from the --seed state, then explainExample. */
function expected(stream: ReturnType<typeof streamOf>, T: number, seed: number): Explanation {
  const params = initParams(cfg, new Rng(1));
  const carry = zeroCarry(cfg, shapes, [...cloneRunState(initRunState(cfg, shapes, new Rng(seed)))]);
  for (let t = 0; t < T; t++)
    tickNetwork(cfg, params, shapes, carry, Float32Array.from(stream.inputs[t]), stream.labels[t]);
  return explainExample(cfg, params, shapes, carry, Float32Array.from(stream.inputs[T]), stream.labels[T], T);
}

async function traceExplain(T: number, steps: number, ...extra: string[]) {
  const stream = streamOf(steps, 40 + T);
  const l = await writeDoc(dir, 'l.json', learnerDoc(cfg, 1));
  const s = await writeDoc(dir, `s${T}.json`, stream);
  const out = join(dir, `t${T}.json`);
  const explainOut = join(dir, `e${T}.json`);
  const r = await vsml(
    'trace',
    '--learner',
    l,
    '--stream',
    s,
    '--seed',
    '5',
    '--explain',
    String(T),
    '--explain-out',
    explainOut,
    ...extra,
    '--out',
    out,
  );
  return { r, stream, out, explainOut, file: r.code === 0 ? JSON.parse(await readFile(explainOut, 'utf8')) : null };
}

describe('vsml trace --explain (hidden layer of 2, A=4, K=3, N=3, M=3, 2 micro-ticks, --seed 5)', () => {
  it.each([0, 1, 5])(
    "example %i of 8: the file is explainExample on tickNetwork's carry, every cell, bit for bit; y equals the trace's",
    async (T) => {
      const { r, stream, out, explainOut, file } = await traceExplain(T, 8);
      expect(r.stderr).toEqual([]);
      expect(r.stdout[0]).toBe(`explain: example ${T}, y within 0 of the trace's -> ${explainOut}`);
      expect(file).toEqual(JSON.parse(JSON.stringify(explanationToJson(expected(stream, T, 5)))));
      expect(file.layers.map((l: { cells: unknown[] }) => l.cells.length)).toEqual([8, 6]);
      const trace = expectOk(parseTrace(JSON.parse(await readFile(out, 'utf8'))));
      expect(file.y.map(Math.fround)).toEqual(Array.from(trace.outputs.subarray(T * K, (T + 1) * K)));
    },
  );

  it(`example ${TRACE_CHUNK + 3} of ${TRACE_CHUNK + 10} (after a chunk boundary) with --cell 1,1,2: that one cell only, equal to the reference`, async () => {
    const T = TRACE_CHUNK + 3;
    const { r, stream, file } = await traceExplain(T, TRACE_CHUNK + 10, '--cell', '1,1,2');
    expect(r.code).toBe(0);
    expect(file.layers.map((l: { cells: unknown[] }) => l.cells.length)).toEqual([0, 1]);
    expect(file).toEqual(
      JSON.parse(JSON.stringify(explanationToJson(expected(stream, T, 5), { layer: 1, a: 1, b: 2 }))),
    );
    const cell = file.layers[1].cells[0];
    console.log(
      `trace --explain ${T} --cell 1,1,2: c before ${cell.before.c.join(', ')}; gates i at micro-tick 0 ${cell.ticks[0].i.join(', ')}; c after ${cell.ticks[1].c.join(', ')}`,
    );
  });

  it.each([
    [
      ['--explain', '8', '--explain-out', 'e.json'],
      'vsml trace: flag --explain must be an integer in [0, 7], got "8" (the stream has 8 examples)',
    ],
    [['--explain', '2'], 'vsml trace: --explain needs --explain-out E.json (the file to write)'],
    [['--explain-out', 'e.json'], 'vsml trace: --explain-out needs --explain T (the example to explain)'],
    [
      ['--explain', '2', '--explain-out', 'e.json', '--cell', '0,4,0'],
      'vsml trace: flag --cell: a must be an integer in [0, 4) for layer 0, got 4',
    ],
    [
      ['--explain', '2', '--explain-out', 'e.json', '--cell', '2,0,0'],
      'vsml trace: flag --cell: layer must be an integer in [0, 2), got 2',
    ],
    [
      ['--explain', '2', '--explain-out', 'e.json', '--cell', '1;0;0'],
      'vsml trace: flag --cell must be L,A,B (layer, row, column), got "1;0;0"',
    ],
  ])('%j is refused in one line', async (flags, message) => {
    const l = await writeDoc(dir, 'l.json', learnerDoc(cfg, 1));
    const s = await writeDoc(dir, 'bad.json', streamOf(8, 3));
    const r = await vsml(
      'trace',
      '--learner',
      l,
      '--stream',
      s,
      ...flags.map((f) => (f.endsWith('.json') ? join(dir, f) : f)),
      '--out',
      join(dir, 'bad-t.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([message]);
  });
});
