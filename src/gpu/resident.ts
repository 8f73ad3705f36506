// Data resident on the GPU (issue 13 point 3): the datasets of indexed blocks live in GPU buffers,
// uploaded once per device and dataset object, and each chunk of an indexed block uploads only its
// example indices, stream lists and projection seeds; gather_input fills the chunk's inputs and labels
// buffers, and projection_matrix + project_input apply per-stream random projections on the device.
//
// A dataset is kept as u8 codes into a 256-value palette when it has at most 256 distinct float32
// values (MNIST-like data normalised pointwise: exact, 1 byte a value), else as its float32 values
// (resized or fixed-projected tasks: exact, 4 bytes a value). Projection matrices are generated per
// chunk in groups that fit one storage binding (A x A floats per stream).
import type { IndexedBlock, IndexedDataset, IndexedLayout } from '../model/engine';
import { makeBindGroup } from './bindGroups';
import type { EncodeContext } from './encode';
import { gpuError } from './errors';
import { foldWorkgroups } from './fold';
import type { KernelName } from './kernels';
import type { PipelineCache } from './pipelines';
import { upload } from './upload';

/**
 * SEED_STREAMS.projection of src/data/seeds.ts (the shader's STREAM default; test/gpu/resident.test.ts checks they
 * agree).
 */
export const PROJECTION_STREAM = 0x70726f6a;

/** One dataset in GPU memory. */
export interface ResidentDataset {
  /** 'palette': u8 codes into `palette`; 'f32': the float32 values. */
  readonly format: 'palette' | 'f32';
  readonly data: GPUBuffer;
  readonly labels: GPUBuffer;
  /** 256 floats (uniform); zeros for 'f32'. */
  readonly palette: GPUBuffer;
  /** Bytes of the three buffers. */
  readonly bytes: number;
}

/**
 * The palette of a float32 array (its distinct values, in order of first appearance) and the codes, or null past 256
 * values.
 */
export function paletteCodes(values: Float32Array): { palette: Float32Array; codes: Uint8Array } | null {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const codeOf = new Map<number, number>();
  const palette = new Float32Array(256);
  const paletteBits = new Uint32Array(palette.buffer);
  const codes = new Uint8Array(Math.ceil(values.length / 4) * 4);
  let lastBits = -1;
  let lastCode = 0;
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i];
    if (b !== lastBits) {
      let c = codeOf.get(b);
      if (c === undefined) {
        c = codeOf.size;
        if (c === 256) return null;
        codeOf.set(b, c);
        paletteBits[c] = b;
      }
      lastBits = b;
      lastCode = c;
    }
    codes[i] = lastCode;
  }
  return { palette, codes };
}

// Buffer usages (functions: GPUBufferUsage exists only once WebGPU is set up, e.g. in Node after nodeGpu()).
const STORAGE = (): number => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
const UNIFORM = (): number => GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;

const residentByDevice = new WeakMap<GPUDevice, WeakMap<IndexedDataset, ResidentDataset>>();

/**
 * The dataset's buffers on this device, uploaded on first use (shared by every engine of the device;
 * released with the dataset object or the device). `field` names it in errors; `maxBinding` is the
 * device's largest storage binding.
 */
export function residentDataset(
  device: GPUDevice,
  ds: IndexedDataset,
  field: string,
  maxBinding: number,
): ResidentDataset {
  let perDevice = residentByDevice.get(device);
  if (!perDevice) residentByDevice.set(device, (perDevice = new WeakMap()));
  const hit = perDevice.get(ds);
  if (hit) return hit;
  const pc = paletteCodes(ds.inputs);
  const payload: ArrayBufferView = pc ? pc.codes : ds.inputs;
  if (payload.byteLength > maxBinding) {
    throw gpuError(
      'limit',
      field,
      `${ds.count} x ${ds.inputSize} values take ${payload.byteLength} bytes on the GPU (${pc ? 'u8 codes' : 'float32: more than 256 distinct values'}), over the device's storage binding limit of ${maxBinding} bytes`,
    );
  }
  const buffer = (label: string, size: number, usage: number): GPUBuffer =>
    device.createBuffer({ label: `resident ${label}`, size: Math.max(16, Math.ceil(size / 16) * 16), usage });
  const data = buffer('data', payload.byteLength, STORAGE());
  const labels = buffer('labels', ds.labels.byteLength, STORAGE());
  const palette = buffer('palette', 1024, UNIFORM());
  upload(device.queue, data, 0, payload);
  upload(device.queue, labels, 0, ds.labels);
  if (pc) upload(device.queue, palette, 0, pc.palette);
  const r: ResidentDataset = {
    format: pc ? 'palette' : 'f32',
    data,
    labels,
    palette,
    bytes: data.size + labels.size + palette.size,
  };
  perDevice.set(ds, r);
  return r;
}

/** The chunk buffers the gather writes (the block's inputs [Q][Tc][A] and labels [Q][Tc]). */
export interface ChunkTargets {
  readonly inputs: GPUBuffer;
  readonly labels: GPUBuffer;
}

/** Bytes of one uniform slot (Gather, Generate and Project records fit in 32). */
const SLOT_BYTES = 32;

/** Per engine: the scratch buffers of indexed chunks (index lists, uniforms, staging, matrices). */
export class ResidentInputs {
  private readonly bufs = new Map<string, GPUBuffer>();

  constructor(
    private readonly device: GPUDevice,
    private readonly cache: PipelineCache,
    private readonly ctx: EncodeContext,
    private readonly inputSize: number,
    /** Largest storage binding (bytes): bounds the projection group and datasets. */
    private readonly maxBinding: number,
    /** The device's minUniformBufferOffsetAlignment. */
    private readonly uniformAlign: number,
  ) {}

  /**
   * Upload the chunk [t0, t0 + Tc) of an indexed block's indices (and seeds) and encode the passes
   * that fill `targets` from the resident datasets. Call before encoding the chunk's steps.
   */
  encode(
    encoder: GPUCommandEncoder,
    block: IndexedBlock,
    layout: IndexedLayout,
    t0: number,
    Tc: number,
    targets: ChunkTargets,
  ): void {
    const A = this.inputSize;
    const T = block.steps;
    const Q = layout.streams;
    const residents = block.datasets.map((ds, d) =>
      residentDataset(this.device, ds, `datasets[${d}]`, this.maxBinding),
    );
    const seeds = block.projectionSeeds ?? [];
    const projected: number[] = [];
    for (let q = 0; q < Q; q++) if ((seeds[q] ?? null) !== null) projected.push(q);
    const usedDatasets = [...new Set(layout.datasetOfStream)].sort((a, b) => a - b);

    // lists: [Q][Tc] indices | [Q] projected flags | stream list per used dataset | projected list | their seeds
    const flagsBase = Q * Tc;
    const listBase: number[] = [];
    let at = flagsBase + Q;
    const streamsOf = usedDatasets.map((d) => {
      const list: number[] = [];
      for (let q = 0; q < Q; q++) if (layout.datasetOfStream[q] === d) list.push(q);
      listBase.push(at);
      at += list.length;
      return list;
    });
    const projBase = at;
    const seedsBase = projBase + projected.length;
    const lists = new Uint32Array(seedsBase + projected.length);
    for (let q = 0; q < Q; q++) lists.set(block.indices.subarray(q * T + t0, q * T + t0 + Tc), q * Tc);
    for (const q of projected) lists[flagsBase + q] = 1;
    streamsOf.forEach((list, i) => lists.set(list, listBase[i]));
    projected.forEach((q, k) => {
      lists[projBase + k] = q;
      lists[seedsBase + k] = seeds[q] as number;
    });

    // Groups of projected streams whose matrices fit one binding.
    const perMatrix = A * A * 4;
    if (projected.length > 0 && perMatrix > this.maxBinding) {
      throw gpuError(
        'limit',
        'projectionSeeds',
        `a ${A} x ${A} projection matrix takes ${perMatrix} bytes, over the device's storage binding limit of ${this.maxBinding} bytes`,
      );
    }
    const groupSize =
      projected.length > 0 ? Math.min(projected.length, Math.max(1, Math.floor(this.maxBinding / perMatrix))) : 0;
    const groups = groupSize > 0 ? Math.ceil(projected.length / groupSize) : 0;

    // Uniform slots: one Gather per used dataset, then a Generate and a Project per group.
    const stride = Math.max(SLOT_BYTES, this.uniformAlign);
    const slots = usedDatasets.length + 2 * groups;
    const uniformWords = new Uint32Array((slots * stride) / 4);
    const uniformFloats = new Float32Array(uniformWords.buffer);
    const slot = (i: number) => (i * stride) / 4;
    usedDatasets.forEach((d, i) => {
      uniformWords.set(
        [A, Tc, streamsOf[i].length, listBase[i], flagsBase, residents[d].format === 'palette' ? 1 : 0, 0, 0],
        slot(i),
      );
    });
    const l = Math.sqrt(6 / (2 * A));
    const lHi = Math.fround(l);
    for (let gi = 0; gi < groups; gi++) {
      const n = Math.min(groupSize, projected.length - gi * groupSize);
      const gen = slot(usedDatasets.length + 2 * gi);
      uniformWords.set([A, n, seedsBase + gi * groupSize, 0], gen);
      uniformFloats[gen + 4] = lHi;
      uniformFloats[gen + 5] = l - lHi;
      uniformWords.set([A, Tc, n, projBase + gi * groupSize], slot(usedDatasets.length + 2 * gi + 1));
    }

    const listsBuf = this.ensure('lists', lists.byteLength, STORAGE());
    const uniforms = this.ensure('uniforms', uniformWords.byteLength, UNIFORM());
    upload(this.device.queue, listsBuf, 0, lists);
    upload(this.device.queue, uniforms, 0, uniformWords);
    const staging = this.ensure('staging', projected.length > 0 ? Q * Tc * A * 4 : 16, GPUBufferUsage.STORAGE);
    const matrices = this.ensure('matrices', groupSize * perMatrix, GPUBufferUsage.STORAGE);

    const bind = (i: number) => ({ buffer: uniforms, offset: i * stride, size: SLOT_BYTES });
    const pass = encoder.beginComputePass({ label: `indexed chunk of ${Tc}` });
    const run = (name: KernelName, group: GPUBindGroup, threads: number): void => {
      const p = this.ctx.pipelines[name];
      if (!p) throw new Error(`resident: no pipeline for ${name}`);
      pass.setPipeline(p);
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(...foldWorkgroups(Math.ceil(threads / this.ctx.tuning.wg), this.ctx.maxPerDim));
    };
    usedDatasets.forEach((d, i) => {
      const r = residents[d];
      const group = makeBindGroup(this.device, this.cache, 'gather_input', {
        g: bind(i),
        palette: { buffer: r.palette },
        lists: { buffer: listsBuf },
        data: { buffer: r.data },
        labelsIn: { buffer: r.labels },
        inputs: { buffer: targets.inputs },
        staging: { buffer: staging },
        labels: { buffer: targets.labels },
      });
      run('gather_input', group, streamsOf[i].length * Tc * A);
    });
    for (let gi = 0; gi < groups; gi++) {
      const n = Math.min(groupSize, projected.length - gi * groupSize);
      const s = usedDatasets.length + 2 * gi;
      run(
        'projection_matrix',
        makeBindGroup(this.device, this.cache, 'projection_matrix', {
          g: bind(s),
          lists: { buffer: listsBuf },
          P: { buffer: matrices },
        }),
        n * A * A,
      );
      const group = makeBindGroup(this.device, this.cache, 'project_input', {
        g: bind(s + 1),
        lists: { buffer: listsBuf },
        staging: { buffer: staging },
        P: { buffer: matrices },
        inputs: { buffer: targets.inputs },
      });
      run('project_input', group, n * Tc * A);
    }
    pass.end();
  }

  destroy(): void {
    for (const b of this.bufs.values()) b.destroy();
    this.bufs.clear();
  }

  private ensure(name: string, bytes: number, usage: number): GPUBuffer {
    const need = Math.max(16, Math.ceil(bytes / 16) * 16);
    let b = this.bufs.get(name);
    if (!b || b.size < need) {
      b?.destroy();
      b = this.device.createBuffer({ label: `indexed ${name}`, size: need, usage });
      this.bufs.set(name, b);
    }
    return b;
  }
}
