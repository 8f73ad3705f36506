// vsml trace end to end: the golden fixture through a real process, the seeded initial state,
// and chunking of long streams.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTrace, TRACE_CHUNK } from '../../src/cli/trace';
import { parseStream, type Stream } from '../../src/data/streamFile';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { specShapes } from '../../src/model/engine';
import { parseTrace, type Trace } from '../../src/model/formats/trace';
import { initParams, initRunState } from '../../src/model/init';
import { Rng } from '../../src/model/rng';
import { expectOk, learnerDoc, smallConfig, streamDoc } from '../formats/helpers';
import { FIXTURES, maxRelDiff, tempDir, vsml, vsmlProcess, writeDoc } from './helpers';

const readTrace = async (path: string): Promise<Trace> =>
  expectOk(parseTrace(JSON.parse(await readFile(path, 'utf8'))));

/** Outputs and loss within `tol` (relative above 1), correctness identical. */
function expectTraceClose(got: Trace, want: Trace, tol: number): void {
  expect([got.steps, got.numClasses]).toEqual([want.steps, want.numClasses]);
  expect(maxRelDiff(got.outputs, want.outputs)).toBeLessThan(tol);
  expect(maxRelDiff(got.loss, want.loss)).toBeLessThan(tol);
  expect([...got.correct]).toEqual([...want.correct]);
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe('vsml trace (golden: tiny, A=3 K=2 N=4 M=2, 6 examples)', () => {
  it.each(['cpu', 'reference'])('as a process on %s matches tiny.trace.json within 1e-5', async (backend) => {
    const out = join(dir, `tiny-${backend}.trace.json`);
    const f = (name: string) => join(FIXTURES, name);
    const r = vsmlProcess(
      'trace',
      '--learner',
      f('tiny.learner.json'),
      '--stream',
      f('tiny.stream.json'),
      '--state',
      f('tiny.state.json'),
      '--backend',
      backend,
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`trace: 6 examples on ${backend}, accuracy 0.6667, mean loss 0.6663 -> ${out}\n`);
    expectTraceClose(await readTrace(out), await readTrace(f('tiny.trace.json')), 1e-5);
  });
});

describe('the initial state without --state', () => {
  it('is initRunState(config, shapes, new Rng(seed)), seed 0 by default', async () => {
    const cfg = smallConfig({ hiddenSizes: [3] });
    const learner = { config: cfg, params: initParams(cfg, new Rng(1)) };
    const lPath = await writeDoc(dir, 'l.json', learnerDoc(cfg, 1));
    const sPath = await writeDoc(dir, 's.json', streamDoc());
    const stream = expectOk(parseStream(streamDoc()));
    const shapes = specShapes({ config: cfg, inputSize: 3, numClasses: 2, runs: 1 });
    for (const seed of [undefined, 7]) {
      const out = join(dir, `seed${seed}.json`);
      const args = seed === undefined ? [] : ['--seed', String(seed)];
      expect((await vsml('trace', '--learner', lPath, '--stream', sPath, ...args, '--out', out)).code).toBe(0);
      const want = await computeTrace(learner, stream, initRunState(cfg, shapes, new Rng(seed ?? 0)), 'cpu');
      expect(await readTrace(out)).toEqual(want);
    }
  });
});

describe('computeTrace', () => {
  it(`over ${2 * TRACE_CHUNK + 88} examples (3 chunks) equals one ReferenceEngine block (seed 8)`, async () => {
    const cfg = smallConfig({ stateSize: 2, microTicks: 1 });
    const rng = new Rng(8);
    const T = 2 * TRACE_CHUNK + 88;
    const stream: Stream = {
      numClasses: 2,
      inputSize: 2,
      steps: T,
      inputs: Float32Array.from({ length: 2 * T }, () => rng.normal()),
      labels: Int32Array.from({ length: T }, () => rng.int(2)),
    };
    const spec = { config: cfg, inputSize: 2, numClasses: 2, runs: 1 };
    const params = initParams(cfg, new Rng(9));
    const state = initRunState(cfg, specShapes(spec), new Rng(10));
    const got = await computeTrace({ config: cfg, params }, stream, state, 'reference');
    const engine = new ReferenceEngine(spec);
    engine.setParams([params]);
    engine.setState([state]);
    const want = await engine.run({ inputs: stream.inputs, labels: stream.labels, steps: T });
    expect(got.outputs).toEqual(want.outputs);
    expect(got.loss).toEqual(want.loss);
    expect(got.correct).toEqual(want.correct);
  });
});
