// The fast CPU engine on worker threads (createNodeCpuEngine): the same outputs, losses and states,
// bit for bit, on 1, 2 and 3 threads (runs split over threads, each run whole on one), and within
// 1e-4 of the reference, on a random grid with per-run V_M (seed 5); the backend names.
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeCpuEngine } from '../../src/cpu/node';
import type { EngineSpec, VsmlEngine } from '../../src/model/engine';
import { parseConfig } from '../../src/model/config';
import { initParams, initRunStates } from '../../src/model/init';
import { asVmParams } from '../../src/model/layout';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { Rng } from '../../src/model/rng';

const made: VsmlEngine[] = [];
afterEach(() => {
  for (const e of made.splice(0)) e.dispose();
});

function problem(seed: number) {
  const cfg = parseConfig({ hiddenSizes: [5], stateSize: 6, messageSize: 3, microTicks: 2, feedLabel: true });
  if (!cfg.ok) throw new Error(cfg.error.message);
  const spec: EngineSpec = { config: cfg.value, inputSize: 7, numClasses: 4, runs: 5 };
  const rng = new Rng(seed);
  const params = Array.from({ length: spec.runs }, (_, s) =>
    asVmParams(initParams(spec.config, rng.fork(10 + s)).map((v) => v * 3)),
  );
  const shapes = new ReferenceEngine(spec).shapes;
  const states = initRunStates(spec.config, shapes, rng.fork(2), spec.runs);
  const T = 12;
  const data = rng.fork(3);
  const block = {
    inputs: Float32Array.from({ length: spec.runs * T * spec.inputSize }, () => data.normal()),
    labels: Int32Array.from({ length: spec.runs * T }, () => data.int(spec.numClasses)),
    steps: T,
  };
  return { spec, params, states, block };
}

async function runOn(engine: VsmlEngine, p: ReturnType<typeof problem>) {
  made.push(engine);
  engine.setParams(p.params);
  engine.setState(p.states);
  const first = await engine.run(p.block);
  const second = await engine.run(p.block);
  const states = await Promise.all(Array.from({ length: p.spec.runs }, (_, s) => engine.readState(s)));
  return { first, second, states };
}

describe('createNodeCpuEngine on threads (seed 5)', () => {
  it('gives bit-identical outputs, losses and states on 1, 2 and 3 threads', async () => {
    const p = problem(5);
    const one = await runOn(await createNodeCpuEngine(p.spec, { threads: 1 }), p);
    for (const threads of [2, 3]) {
      const engine = await createNodeCpuEngine(p.spec, { threads });
      expect(engine.description).toMatch(new RegExp(`^fast CPU engine \\(WebAssembly SIMD.*, ${threads} threads\\)$`));
      const many = await runOn(engine, p);
      for (const k of ['first', 'second'] as const) {
        expect(Array.from(many[k].outputs!)).toEqual(Array.from(one[k].outputs!));
        expect(Array.from(many[k].loss)).toEqual(Array.from(one[k].loss));
        expect(Array.from(many[k].correct)).toEqual(Array.from(one[k].correct));
      }
      expect(many.states.map((s) => s.map((l) => [Array.from(l.h), Array.from(l.c)]))).toEqual(
        one.states.map((s) => s.map((l) => [Array.from(l.h), Array.from(l.c)])),
      );
    }
  });

  it('matches the reference within 1e-4 on 2 threads', async () => {
    const p = problem(5);
    const fast = await runOn(await createNodeCpuEngine(p.spec, { threads: 2 }), p);
    const ref = await runOn(new ReferenceEngine(p.spec), p);
    let worst = 0;
    for (const k of ['first', 'second'] as const) {
      fast[k].outputs!.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - ref[k].outputs![i]))));
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('is backend cpu; the reference is backend reference', async () => {
    const p = problem(5);
    const engine = await createNodeCpuEngine(p.spec, { threads: 2 });
    made.push(engine);
    expect([engine.backend, new ReferenceEngine(p.spec).backend]).toEqual(['cpu', 'reference']);
  });
});
