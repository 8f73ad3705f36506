// The engine self-check: the WebGPU engine against the CPU reference on a small random grid,
// S runs with their own V_M and streams. Runs in a worker (browser) or in Node.
import { parseConfig } from '../model/config';
import { ReferenceEngine } from '../model/referenceEngine';
import type { EngineSpec, VsmlEngine } from '../model/engine';
import { initParams, initRunStates } from '../model/init';
import { asVmParams } from '../model/layout';
import { Rng } from '../model/rng';

export interface EngineCheckReport {
  readonly description: string;
  readonly runs: number;
  readonly steps: number;
  readonly grid: string;
  readonly maxAbsDiff: number;
  readonly gpuSeconds: number;
  readonly cpuSeconds: number;
}

export async function engineCheck(makeGpu: (spec: EngineSpec) => Promise<VsmlEngine>, seed = 1): Promise<EngineCheckReport> {
  const cfg = parseConfig({ hiddenSizes: [6], feedLabel: true });
  if (!cfg.ok) throw new Error(cfg.error.message);
  const spec: EngineSpec = { config: cfg.value, inputSize: 12, numClasses: 5, runs: 4 };
  const rng = new Rng(seed);
  const params = Array.from({ length: spec.runs }, (_, s) => {
    const p = initParams(spec.config, rng.fork(10 + s));
    return asVmParams(p.map((v) => v * 3));
  });
  const gpu = await makeGpu(spec);
  const cpu = new ReferenceEngine(spec);
  const states = initRunStates(spec.config, cpu.shapes, rng.fork(2), spec.runs);
  const T = 30;
  const data = rng.fork(3);
  const block = {
    inputs: Float32Array.from({ length: spec.runs * T * spec.inputSize }, () => data.normal()),
    labels: Int32Array.from({ length: spec.runs * T }, () => data.int(spec.numClasses)),
    steps: T,
  };
  try {
    const time = async (e: VsmlEngine) => {
      e.setParams(params);
      e.setState(states);
      const t0 = performance.now();
      const r = await e.run(block);
      return { out: r.outputs!, seconds: (performance.now() - t0) / 1000 };
    };
    const g = await time(gpu);
    const c = await time(cpu);
    let maxAbsDiff = 0;
    for (let i = 0; i < c.out.length; i++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(c.out[i] - g.out[i]));
    return {
      description: gpu.description,
      runs: spec.runs,
      steps: T,
      grid: `${spec.inputSize} x ${cfg.value.hiddenSizes.join(' x ')} x ${spec.numClasses}`,
      maxAbsDiff,
      gpuSeconds: g.seconds,
      cpuSeconds: c.seconds,
    };
  } finally {
    gpu.dispose();
    cpu.dispose();
  }
}
