// The engine self-check: each engine asked for (the fast CPU engine, the WebGPU engine) against the CPU
// reference on a small random grid, S runs with their own V_M and streams. Runs in a worker (browser)
// or in Node. An engine that cannot be made is reported with its message; the others still run.
import { parseConfig } from '../../model/config';
import { ReferenceEngine } from '../../model/referenceEngine';
import type { EngineSpec, StreamBlock, VsmlEngine } from '../../model/engine';
import { initParams, initRunStates } from '../../model/init';
import { asVmParams, type VmParams } from '../../model/layout';
import { Rng } from '../../model/rng';
import type { RunState } from '../../model/state';
import { errorMessage } from '../../model/result';

/** One engine checked: what it is, and its largest difference from the reference over every output. */
export type EngineCheckRow =
  | {
      readonly ok: true;
      readonly backend: string;
      readonly description: string;
      readonly maxAbsDiff: number;
      readonly seconds: number;
    }
  | { readonly ok: false; readonly label: string; readonly message: string };

export interface EngineCheckReport {
  readonly runs: number;
  readonly steps: number;
  readonly grid: string;
  /** The reference's time on the same block. */
  readonly referenceSeconds: number;
  /** In the order of the engines asked for. */
  readonly rows: readonly EngineCheckRow[];
}

/** An engine to check: `label` names it when it cannot be made. */
export interface EngineToCheck {
  readonly label: string;
  make(spec: EngineSpec): Promise<VsmlEngine>;
}

interface Problem {
  readonly params: VmParams[];
  readonly states: RunState[];
  readonly block: StreamBlock;
}

async function timed(e: VsmlEngine, p: Problem): Promise<{ out: Float32Array; seconds: number }> {
  e.setParams(p.params);
  e.setState(p.states);
  const t0 = performance.now();
  const r = await e.run(p.block);
  return { out: r.outputs!, seconds: (performance.now() - t0) / 1000 };
}

export async function engineCheck(engines: readonly EngineToCheck[], seed = 1): Promise<EngineCheckReport> {
  const cfg = parseConfig({ hiddenSizes: [6], feedLabel: true });
  if (!cfg.ok) throw new Error(cfg.error.message);
  const spec: EngineSpec = { config: cfg.value, inputSize: 12, numClasses: 5, runs: 4 };
  const rng = new Rng(seed);
  const params = Array.from({ length: spec.runs }, (_, s) => {
    const p = initParams(spec.config, rng.fork(10 + s));
    return asVmParams(p.map((v) => v * 3));
  });
  const reference = new ReferenceEngine(spec);
  const states = initRunStates(spec.config, reference.shapes, rng.fork(2), spec.runs);
  const T = 30;
  const data = rng.fork(3);
  const block = {
    inputs: Float32Array.from({ length: spec.runs * T * spec.inputSize }, () => data.normal()),
    labels: Int32Array.from({ length: spec.runs * T }, () => data.int(spec.numClasses)),
    steps: T,
  };
  const problem: Problem = { params, states, block };
  const want = await timed(reference, problem);
  reference.dispose();
  const rows: EngineCheckRow[] = [];
  for (const { label, make } of engines) {
    let engine: VsmlEngine;
    try {
      engine = await make(spec);
    } catch (e) {
      rows.push({ ok: false, label, message: errorMessage(e) });
      continue;
    }
    try {
      const got = await timed(engine, problem);
      let maxAbsDiff = 0;
      for (let i = 0; i < want.out.length; i++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(want.out[i] - got.out[i]));
      rows.push({
        ok: true,
        backend: engine.backend,
        description: engine.description,
        maxAbsDiff,
        seconds: got.seconds,
      });
    } finally {
      engine.dispose();
    }
  }
  return {
    runs: spec.runs,
    steps: T,
    grid: `${spec.inputSize} x ${cfg.value.hiddenSizes.join(' x ')} x ${spec.numClasses}`,
    referenceSeconds: want.seconds,
    rows,
  };
}
