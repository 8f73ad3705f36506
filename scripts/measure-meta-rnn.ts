// Measures the Meta RNN baseline on the CPU (MetaRnnRuns, src/model/learners) beside WebGPU
// (MetaRnnGpuRuns, src/gpu/metaRnnGpu.ts) at the padded shape 784/62/128 (2 micro-ticks), R runs
// with one parameter vector each (an ES population), interleaved: each round runs both once, so
// load from other work falls on both alike. Not a test; prints examples per second (one example of
// one run) and `uptime`. Inputs: 81 % zeros (MNIST's share; both skip zero inputs), N(0, 1) elsewhere.
// In Node the WebGPU side is Dawn on whatever Vulkan the environment gives (SwiftShader, a CPU,
// when no GPU driver is set up: see scripts/swiftshader-env.sh).
// Before the rounds, both run one block from the initial state and the largest differences are
// printed (the tests check 1e-4 on small shapes; this shows it holds on the device measured).
//   npx tsx scripts/measure-meta-rnn.ts [--rounds 3] [--seconds 3] [--runs 32] [--block 8] [--shared]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { nodeGpu } from '../src/cli/nodeGpu';
import { acquireDevice } from '../src/gpu/device';
import { createMetaRnnGpuRuns } from '../src/gpu/metaRnnGpu';
import { loadShadersNode } from '../src/gpu/shadersNode';
import type { StreamBlock } from '../src/model/engine';
import { PADDED_SHAPE } from '../src/model/learners/learned';
import { initMetaRnn } from '../src/model/learners/metaRnnInit';
import { MetaRnnRuns } from '../src/model/learners/metaRnnRuns';
import { META_RNN_DEFAULTS } from '../src/model/learners/metaRnnSpec';
import { Rng } from '../src/model/rng';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', '3'));
const SECONDS = Number(arg('seconds', '3'));
const R = Number(arg('runs', '32'));
const T = Number(arg('block', '8'));
const SHARED = process.argv.includes('--shared');
const { inputSize: A, numClasses: K } = PADDED_SHAPE;

const rng = new Rng(5);
const params = Array.from({ length: SHARED ? 1 : R }, (_, r) => initMetaRnn(PADDED_SHAPE, 100 + r));
const block: StreamBlock = {
  inputs: Float32Array.from({ length: R * T * A }, () => (rng.uniform() < 0.81 ? 0 : rng.normal())),
  labels: Int32Array.from({ length: R * T }, () => rng.int(K)),
  steps: T,
};

type Runs = { run(b: StreamBlock, o: { outputs: false }): unknown; resetState(): void };

/** Examples (of one run) per second over at least SECONDS, whole blocks, after one warm-up block. */
async function measure(runs: Runs): Promise<number> {
  runs.resetState();
  await runs.run(block, { outputs: false });
  let examples = 0;
  const t0 = performance.now();
  while ((performance.now() - t0) / 1000 < SECONDS) {
    await runs.run(block, { outputs: false });
    examples += R * T;
  }
  return examples / ((performance.now() - t0) / 1000);
}

const d = await acquireDevice(nodeGpu());
if (!d.ok) throw new Error(d.error.message);
const cpu = new MetaRnnRuns(PADDED_SHAPE, R, META_RNN_DEFAULTS);
cpu.setParams(params);
const c0 = performance.now();
const gpu = await createMetaRnnGpuRuns(PADDED_SHAPE, R, META_RNN_DEFAULTS, {
  device: d.value,
  shaders: loadShadersNode(),
});
console.log(`${gpu.description}; pipeline compiled in ${((performance.now() - c0) / 1000).toFixed(1)} s`);
gpu.setParams(params);
{
  const want = cpu.run(block);
  const got = await gpu.run(block);
  let out = 0;
  let loss = 0;
  let flips = 0;
  for (let i = 0; i < want.outputs!.length; i++) out = Math.max(out, Math.abs(want.outputs![i] - got.outputs![i]));
  for (let i = 0; i < want.loss.length; i++) {
    loss = Math.max(loss, Math.abs(want.loss[i] - got.loss[i]));
    if (want.correct[i] !== got.correct[i]) flips++;
  }
  console.log(
    `one block of ${T} from the initial state, WebGPU vs CPU: max |diff| outputs ${out.toExponential(2)}, loss ${loss.toExponential(2)}; correct differs in ${flips} of ${want.loss.length}`,
  );
}
const rows = { cpu: [] as number[], webgpu: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  console.log(
    `round ${round + 1}/${ROUNDS}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  rows.cpu.push(await measure(cpu));
  rows.webgpu.push(await measure(gpu));
  console.log(`  cpu ${rows.cpu[round].toFixed(1)}, webgpu ${rows.webgpu[round].toFixed(1)} examples/s`);
}
gpu.dispose();
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(
  `\nMeta RNN 784/62/128, R ${R} (${SHARED ? 'one shared vector' : 'one vector per run'}), blocks of ${T}; median of ${ROUNDS} interleaved rounds, examples/s (one run's example):`,
);
console.log(`  CPU (MetaRnnRuns, one JS thread)  ${median(rows.cpu).toFixed(1)}`);
console.log(
  `  WebGPU (MetaRnnGpuRuns)           ${median(rows.webgpu).toFixed(1)}   (${(median(rows.webgpu) / median(rows.cpu)).toFixed(2)}x the CPU)`,
);
console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
