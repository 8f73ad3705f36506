// Data resident on the GPU (src/gpu/resident.ts): the gather fills exactly the inputs and labels of
// the CPU expansion (src/data/indexedBlock.ts) bit for bit, the on-device projection matrices are
// within one float32 ulp of projectionMatrix(), GpuEngine.runIndexed matches the reference on the
// expansion within 1e-4 for the task variants of taskSet/variants (normalised, none, pixel shuffle,
// resize, fixed and per-step projection, two datasets), the upload counter's exact bytes, and bad
// blocks refused naming the field.
import { afterAll, describe, expect, it } from 'vitest';
import { expandIndexedBlock } from '../../src/data/indexedBlock';
import { SEED_STREAMS } from '../../src/data/seeds';
import { buildTask, type TaskSpec } from '../../src/data/task';
import { projectionMatrix } from '../../src/data/transforms/projection';
import type { ExampleTask, ImageSet } from '../../src/data/types';
import type { EncodeContext } from '../../src/gpu/encode';
import { kernelOverrides, type KernelName, type KernelTuning } from '../../src/gpu/kernels';
import { pipelineCache } from '../../src/gpu/pipelines';
import { readRanges } from '../../src/gpu/readback';
import { paletteCodes, PROJECTION_STREAM, ResidentInputs } from '../../src/gpu/resident';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import { checkIndexedBlock, type EngineSpec, type IndexedBlock } from '../../src/model/engine';
import { Rng } from '../../src/model/rng';
import { config, randomParams, randomStates } from '../helpers/random';
import { diff, gpuEngine, outputSpread, referenceEngine, testDevice } from './fixture';

const cfg = config({ hiddenSizes: [5], stateSize: 8, messageSize: 4 });

/** N seeded u8 images of side x side, labels in [0, 3). */
function imageSet(seed: number, N = 40, side = 8): ImageSet {
  const rng = new Rng(seed, 7);
  return {
    kind: 'images',
    name: `synthetic ${seed}`,
    count: N,
    shape: { height: side, width: side, channels: 1 },
    pixels: Uint8Array.from({ length: N * side * side }, () => (rng.uniform() < 0.5 ? 0 : rng.int(256))),
    labels: Int32Array.from({ length: N }, () => rng.int(3)),
    numClasses: 3,
    classNames: ['a', 'b', 'c'],
    normalisation: { mean: 0.13066, std: 0.30811 },
  };
}

function task(set: ImageSet, spec: TaskSpec): ExampleTask {
  const r = buildTask(set, spec);
  if (!r.ok || r.value.kind !== 'examples') throw new Error('task');
  return r.value;
}

/** Q streams of T seeded indices into datasets of `counts[d]` examples (stream q reads dataset q % D). */
function indexedBlock(
  datasets: ExampleTask[],
  Q: number,
  T: number,
  seed: number,
  extra: Partial<IndexedBlock> = {},
): IndexedBlock {
  const rng = new Rng(seed, 8);
  const datasetOfStream = Uint32Array.from({ length: Q }, (_, q) => q % datasets.length);
  const indices = Uint32Array.from({ length: Q * T }, (_, i) =>
    rng.int(datasets[datasetOfStream[Math.floor(i / T)]].count),
  );
  return { datasets, datasetOfStream, indices, steps: T, ...extra };
}

// A ResidentInputs on the test device with its kernels compiled, to read the gathered chunk directly.
async function harness(A: number) {
  const gpu = await testDevice();
  const shaders = loadShadersNode();
  const cache = pipelineCache(gpu.device);
  const tuning: KernelTuning = { wg: 64, reduceWg: 16, whShared: false, grid: 'grid_tick', fuseLayer0: false };
  const names: KernelName[] = ['gather_input', 'projection_matrix', 'project_input'];
  const list = await Promise.all(names.map((n) => cache.get(n, shaders[n], kernelOverrides(n, cfg, tuning))));
  const ctx: EncodeContext = {
    pipelines: Object.fromEntries(names.map((n, i) => [n, list[i]])),
    tuning,
    maxPerDim: gpu.limits.maxComputeWorkgroupsPerDimension,
    stepStride: gpu.limits.minUniformBufferOffsetAlignment,
    stateSize: 8,
  };
  const resident = new ResidentInputs(
    gpu.device,
    cache,
    ctx,
    A,
    gpu.limits.maxStorageBufferBindingSize,
    gpu.limits.minUniformBufferOffsetAlignment,
  );
  /** Gather chunk [t0, t0 + Tc) of every stream; its inputs [Q][Tc][A] and labels [Q][Tc]. */
  const gather = async (block: IndexedBlock, runs: number, t0: number, Tc: number) => {
    const layout = checkIndexedBlock({ inputSize: A, numClasses: 3, runs }, block);
    if (!layout.ok) throw new Error(layout.error.message);
    const Q = layout.value.streams;
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC;
    const inputs = gpu.device.createBuffer({ size: Q * Tc * A * 4, usage });
    const labels = gpu.device.createBuffer({ size: Q * Tc * 4, usage });
    const encoder = gpu.device.createCommandEncoder();
    resident.encode(encoder, block, layout.value, t0, Tc, { inputs, labels });
    gpu.device.queue.submit([encoder.finish()]);
    const [x, y] = await readRanges(gpu.device, [
      { buffer: inputs, offset: 0, size: Q * Tc * A * 4 },
      { buffer: labels, offset: 0, size: Q * Tc * 4 },
    ]);
    inputs.destroy();
    labels.destroy();
    return { inputs: new Float32Array(x), labels: new Int32Array(y) };
  };
  return { gather, dispose: () => resident.destroy() };
}

/** Examples [t0, t0 + Tc) of every stream of an expanded block. */
function sliceT(x: Float32Array, Q: number, T: number, A: number, t0: number, Tc: number): Float32Array {
  const out = new Float32Array(Q * Tc * A);
  for (let q = 0; q < Q; q++) out.set(x.subarray((q * T + t0) * A, (q * T + t0 + Tc) * A), q * Tc * A);
  return out;
}

describe('paletteCodes', () => {
  it('codes 256 distinct values exactly and gives up at 257', () => {
    const v = Float32Array.from({ length: 1000 }, (_, i) => Math.fround(((i * 37) % 256) / 7 - 3));
    const pc = paletteCodes(v);
    expect(pc).not.toBeNull();
    const back = Float32Array.from(
      v,
      (_, i) => (pc as { palette: Float32Array }).palette[(pc as { codes: Uint8Array }).codes[i]],
    );
    expect(back).toEqual(v);
    v[999] = 1e6;
    expect(paletteCodes(v)).toBeNull();
  });

  it('the projection stream id of the shader is SEED_STREAMS.projection', () => {
    expect(PROJECTION_STREAM).toBe(SEED_STREAMS.projection);
  });
});

describe('ResidentInputs gather (on the device)', () => {
  const h = harness(64);
  afterAll(async () => (await h).dispose());

  it('palette (normalised u8) and float32 (resized to 8x8 from 16x16) datasets: chunk inputs and labels equal the expansion bit for bit', async () => {
    const { gather } = await h;
    const a = task(imageSet(1), {});
    const b = task(imageSet(2, 30, 16), { resize: 8 });
    expect(paletteCodes(a.inputs)).not.toBeNull();
    expect(paletteCodes(b.inputs)).toBeNull();
    const block = indexedBlock([a, b], 3, 12, 3);
    const x = expandIndexedBlock({ config: cfg, inputSize: 64, numClasses: 3, runs: 3 }, block);
    const got = await gather(block, 3, 5, 6);
    expect(got.inputs).toEqual(sliceT(x.inputs, 3, 12, 64, 5, 6));
    const labels = Int32Array.from({ length: 18 }, (_, i) => x.labels[Math.floor(i / 6) * 12 + 5 + (i % 6)]);
    expect(got.labels).toEqual(labels);
  });

  it('projection matrices on the device are projectionMatrix() within one float32 ulp (identity rows, seeds 5 and 0xfffffff0)', async () => {
    const { gather } = await h;
    const A = 64;
    const eye = new Float32Array(A * A);
    for (let i = 0; i < A; i++) eye[i * A + i] = 1;
    const rows: ExampleTask = { ...task(imageSet(3, A), { normalisation: null }), inputs: eye };
    const seeds = [5, 0xfffffff0];
    const block: IndexedBlock = {
      datasets: [rows],
      indices: Uint32Array.from({ length: 2 * A }, (_, i) => i % A),
      steps: A,
      projectionSeeds: seeds,
    };
    const got = await gather(block, 2, 0, A);
    let differ = 0;
    let maxUlps = 0;
    seeds.forEach((seed, q) => {
      const P = projectionMatrix(A, seed);
      for (let k = 0; k < A * A; k++) {
        const g = got.inputs[q * A * A + k];
        if (g !== P[k]) {
          differ++;
          const ulp = 2 ** (Math.floor(Math.log2(Math.abs(P[k]))) - 23);
          maxUlps = Math.max(maxUlps, Math.abs(g - P[k]) / ulp);
        }
      }
    });
    console.log(`projection matrix entries differing from the CPU: ${differ} of ${2 * A * A}, at most ${maxUlps} ulp`);
    expect(maxUlps).toBeLessThanOrEqual(1);
  });

  it('projected streams (x P per stream, seeds 9 and 10) within 1e-5 of the expansion; an unprojected stream beside them exact', async () => {
    const { gather } = await h;
    const a = task(imageSet(4), {});
    const block = indexedBlock([a], 3, 10, 5, { projectionSeeds: [9, null, 10] });
    const x = expandIndexedBlock({ config: cfg, inputSize: 64, numClasses: 3, runs: 3 }, block);
    const got = await gather(block, 3, 0, 10);
    let m = 0;
    for (let i = 0; i < got.inputs.length; i++) m = Math.max(m, Math.abs(got.inputs[i] - x.inputs[i]));
    console.log(`projected inputs, max |GPU - CPU| = ${m.toExponential(2)}`);
    expect(m).toBeLessThan(1e-5);
    expect(got.inputs.subarray(640, 1280)).toEqual(x.inputs.subarray(640, 1280));
  });
});

interface Variant {
  readonly name: string;
  readonly datasets: () => ExampleTask[];
  readonly A: number;
  readonly projectionSeeds?: (number | null)[];
  /** Another model config (default: hidden [5], N 8, M 4). */
  readonly cfg?: ReturnType<typeof config>;
}

const VARIANTS: Variant[] = [
  { name: 'normalised (dataset statistics)', datasets: () => [task(imageSet(11), {})], A: 64 },
  { name: 'no normalisation', datasets: () => [task(imageSet(12), { normalisation: null })], A: 64 },
  { name: 'pixel shuffle (seed 3)', datasets: () => [task(imageSet(13), { shufflePixels: true, seed: 3 })], A: 64 },
  {
    name: 'resize 16x16 -> 6x6 (float32 on the device)',
    datasets: () => [task(imageSet(14, 30, 16), { resize: 6 })],
    A: 36,
  },
  { name: 'fixed projection (seed 4)', datasets: () => [task(imageSet(15), { project: true, seed: 4 })], A: 64 },
  {
    name: 'per-step projection on 2 of 3 streams',
    datasets: () => [task(imageSet(16), {})],
    A: 64,
    projectionSeeds: [21, 22, null],
  },
  {
    name: 'two datasets of one shape',
    datasets: () => [task(imageSet(17), {}), task(imageSet(18), { normalisation: null })],
    A: 64,
  },
  {
    name: 'N 16 (the N = 16 grid kernels), per-step projection on 1 of 3 streams',
    datasets: () => [task(imageSet(19), {})],
    A: 64,
    projectionSeeds: [null, 23, null],
    cfg: config({ hiddenSizes: [5], stateSize: 16 }),
  },
];

describe('GpuEngine.runIndexed against the reference on the expansion', () => {
  it.each(VARIANTS)(
    '$name: outputs within 1e-4, and equal to GpuEngine.run of the expansion',
    { timeout: 300_000 },
    async (v) => {
      const model = v.cfg ?? cfg;
      const spec: EngineSpec = { config: model, inputSize: v.A, numClasses: 3, runs: 6 };
      const setup = {
        params: [0, 1, 2, 3, 4, 5].map((s) => randomParams(model, 30 + s)),
        states: randomStates(spec, 31),
      };
      const block = indexedBlock(v.datasets(), 3, 25, 32, {
        streamOfRun: Uint32Array.from([0, 0, 1, 1, 2, 2]),
        ...(v.projectionSeeds ? { projectionSeeds: v.projectionSeeds } : {}),
      });
      const expanded = expandIndexedBlock(spec, block);
      const ref = await referenceEngine(spec, setup).run(expanded);
      const e = await gpuEngine(spec, { maxStepsPerSubmit: 10 });
      try {
        e.setParams(setup.params);
        e.setState(setup.states);
        const got = await e.runIndexed(block);
        e.setState(setup.states);
        const plain = await e.run(expanded);
        const d = diff(got, ref);
        console.log(
          `${v.name}: outputs ${d.outputs.toExponential(2)}, loss ${d.loss.toExponential(2)}, spread ${outputSpread(ref).toFixed(2)}`,
        );
        expect(outputSpread(ref)).toBeGreaterThan(0.1);
        expect(d.outputs).toBeLessThan(1e-4);
        expect(d.loss).toBeLessThan(1e-4);
        if (!v.projectionSeeds) expect(got.outputs).toEqual(plain.outputs);
        else expect(diff(got, plain).outputs).toBeLessThan(1e-4);
      } finally {
        e.dispose();
      }
    },
  );
});

describe('GpuEngine upload counter', () => {
  it('counts exactly what each path writes: the dataset once, then indices, lists and uniforms per chunk', async () => {
    const spec: EngineSpec = { config: cfg, inputSize: 64, numClasses: 3, runs: 2 };
    const ds = task(imageSet(21, 30), {});
    const block = indexedBlock([ds], 2, 5, 22);
    const e = await gpuEngine(spec);
    try {
      const align = (await testDevice()).limits.minUniformBufferOffsetAlignment;
      e.setParams([randomParams(cfg, 23)]);
      e.setState(randomStates(spec, 24));
      const perChunk = (2 * 5 + 2 + 2) * 4 + Math.max(32, align) + 2 * 4 + 5 * align; // lists, Gather slot, streamOfRun, Step records
      const datasetBytes = 30 * 64 + 30 * 4 + 1024; // u8 codes, labels, palette
      let before = e.uploadedBytes;
      await e.runIndexed(block);
      expect(e.uploadedBytes - before).toBe(datasetBytes + perChunk);
      before = e.uploadedBytes;
      await e.runIndexed(block);
      expect(e.uploadedBytes - before).toBe(perChunk);
      before = e.uploadedBytes;
      await e.run(expandIndexedBlock(spec, block));
      expect(e.uploadedBytes - before).toBe(2 * 5 * 64 * 4 + 2 * 5 * 4 + 2 * 4 + 5 * align); // inputs, labels, streamOfRun, Step records
    } finally {
      e.dispose();
    }
  });
});

describe('GpuEngine.runIndexed refuses bad blocks naming the field', () => {
  it('an index past the dataset, and a dataset of another input size', async () => {
    const spec: EngineSpec = { config: cfg, inputSize: 64, numClasses: 3, runs: 2 };
    const ds = task(imageSet(25, 20), {});
    const e = await gpuEngine(spec);
    try {
      e.setParams([randomParams(cfg, 26)]);
      e.setState(randomStates(spec, 27));
      const bad = Uint32Array.from([0, 1, 2, 20, 4, 5]);
      await expect(e.runIndexed({ datasets: [ds], indices: bad, steps: 3 })).rejects.toThrow(
        /indices\[3\].*below the dataset's 20 examples, got 20/,
      );
      const other = task(imageSet(28, 20, 6), {});
      await expect(e.runIndexed({ datasets: [other], indices: new Uint32Array(6), steps: 3 })).rejects.toThrow(
        /datasets\[0\]\.inputSize.*64 inputs, the dataset has 36/,
      );
      await expect(
        e.runIndexed({ datasets: [ds], indices: new Uint32Array(6), steps: 3, projectionSeeds: [1, -1] }),
      ).rejects.toThrow(/projectionSeeds\[1\]/);
    } finally {
      e.dispose();
    }
  });
});
