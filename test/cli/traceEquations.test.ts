// vsml trace against the independent Float64 equations (test/independent/vsmlEquations.ts) on
// seeded random small configs. A failing seed replays: it is in the test name.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/model/config';
import { specShapes } from '../../src/model/engine';
import { learnerToJson } from '../../src/model/formats/learner';
import { stateToJson } from '../../src/model/formats/state';
import { initParams, initRunState } from '../../src/model/init';
import { asVmParams } from '../../src/model/layout';
import { Rng } from '../../src/model/rng';
import {
  runEquations,
  type PlainLearner,
  type PlainState,
  type PlainStream,
  type PlainTrace,
} from '../independent/vsmlEquations';
import { clone } from '../formats/helpers';
import { maxRelDiff, tempDir, vsml, writeDoc } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** A random small problem: config, V_M (scaled so the dynamics move), stream and state with h != 0. */
function problem(seed: number, hidden: number, feedLabel: boolean) {
  const rng = new Rng(seed);
  const messageSize = 2 + rng.int(3);
  const cfg = parseConfig({
    stateSize: 2 + rng.int(5),
    messageSize,
    microTicks: 1 + rng.int(3),
    tanhBound: [1, 5, 100][rng.int(3)],
    outputIndex: rng.int(messageSize),
    feedLabel,
    hiddenSizes: Array.from({ length: hidden }, () => 1 + rng.int(4)),
  });
  if (!cfg.ok) throw new Error(cfg.error.message);
  const config = cfg.value;
  const params = asVmParams(initParams(config, rng.fork(1)).map((v) => 2 * v + 0.3 * rng.normal()));
  const A = 1 + rng.int(4);
  const K = 2 + rng.int(3);
  const T = 12;
  const stream: PlainStream = {
    numClasses: K,
    inputs: Array.from({ length: T }, () => Array.from({ length: A }, () => Math.fround(rng.normal()))),
    labels: Array.from({ length: T }, () => rng.int(K)),
  };
  const state = initRunState(config, specShapes({ config, inputSize: A, numClasses: K, runs: 1 }), rng.fork(2));
  for (const l of state) for (let k = 0; k < l.h.length; k++) l.h[k] = rng.uniformIn(-0.5, 0.5);
  return {
    learner: clone(learnerToJson({ config, params })) as unknown as PlainLearner,
    stream,
    state: clone(stateToJson(state)) as unknown as PlainState,
  };
}

const CASES = [
  { seed: 101, hidden: 0, feedLabel: false },
  { seed: 102, hidden: 1, feedLabel: false },
  { seed: 103, hidden: 1, feedLabel: true },
  { seed: 104, hidden: 2, feedLabel: false },
  { seed: 105, hidden: 2, feedLabel: true },
  { seed: 106, hidden: 1, feedLabel: true },
];

describe('vsml trace agrees with the independent equations within 1e-4', () => {
  it.each(CASES.map((c) => ({ ...c, layers: `${c.hidden} hidden layer${c.hidden === 1 ? '' : 's'}` })))(
    'seed $seed, $layers, feedLabel $feedLabel',
    async ({ seed, hidden, feedLabel }) => {
      const p = problem(seed, hidden, feedLabel);
      const learner = await writeDoc(dir, `${seed}.learner.json`, p.learner);
      const stream = await writeDoc(dir, `${seed}.stream.json`, { format: 'vsml-stream', version: 1, ...p.stream });
      const state = await writeDoc(dir, `${seed}.state.json`, p.state);
      const out = join(dir, `${seed}.trace.json`);
      const r = await vsml('trace', '--learner', learner, '--stream', stream, '--state', state, '--out', out);
      expect(r.stderr).toEqual([]);
      const got = JSON.parse(await readFile(out, 'utf8')) as PlainTrace;
      const want = runEquations(p.learner, p.stream, p.state);
      expect(maxRelDiff(got.outputs.flat(), want.outputs.flat())).toBeLessThan(1e-4);
      expect(maxRelDiff(got.loss, want.loss)).toBeLessThan(1e-4);
      want.outputs.forEach((y, t) => {
        const sorted = [...y].sort((a, b) => b - a);
        if (sorted[0] - sorted[1] > 1e-4) expect(got.correct[t], `correct[${t}]`).toBe(want.correct[t]);
      });
      // Not vacuous: the outputs move over the stream.
      expect(Math.max(...want.outputs.map((y) => Math.abs(y[0] - want.outputs[0][0])))).toBeGreaterThan(1e-3);
    },
  );
});
