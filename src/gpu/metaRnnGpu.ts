// The Meta RNN baseline (src/model/learners/metaRnnRuns.ts) on WebGPU: R runs advanced together,
// one dispatch of shaders/meta_rnn_step.wgsl per example (a workgroup per run), a block's examples
// uploaded once and its results read back once. One parameter vector for every run or one per run.
import { checkBlock, type BlockResult, type RunOptions, type StreamBlock } from '../model/engine';
import type { LearnedShape } from '../model/learners/learned';
import { metaRnnLayout, type MetaRnnLayout, type MetaRnnSpec } from '../model/learners/metaRnnSpec';
import type { MetaRnnState } from '../model/learners/metaRnnStep';
import { makeBindGroup } from './bindGroups';
import { BlockBuffers } from './blockBuffers';
import { describeAdapter, type GpuDevice } from './device';
import { STEP_BYTES } from './dims';
import { gpuError, GpuEngineError, withErrorScopes } from './errors';
import { foldWorkgroups } from './fold';
import type { LearnedRunsGpu } from './learnedRunsGpu';
import { checkMetaRnnLimits, metaRnnOverrides, metaRnnStateFloats, packMetaRnnDims } from './metaRnnKernel';
import { pipelineCache, type PipelineCache } from './pipelines';
import { readRanges, Readback } from './readback';
import type { ShaderSources } from './shaders';
import { upload } from './upload';

export interface MetaRnnGpuOptions {
  readonly device: GpuDevice;
  readonly shaders: Pick<ShaderSources, 'meta_rnn_step'>;
  /**
   * Sleep through most of the expected GPU time before mapping the results (default on in Node; see
   * GpuEngineOptions.waitBeforeMap).
   */
  readonly waitBeforeMap?: boolean;
  /** Examples per submit (default: as many as the device's bindings hold); a longer block is run in chunks. */
  readonly maxStepsPerSubmit?: number;
}

const STORAGE = (): number => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const inNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
const sleep = (seconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** R Meta RNN runs on the device of `opts` (the pipeline compiled before it resolves). */
export async function createMetaRnnGpuRuns(
  shape: LearnedShape,
  runs: number,
  spec: MetaRnnSpec,
  opts: MetaRnnGpuOptions,
): Promise<MetaRnnGpuRuns> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`meta-rnn: runs must be a positive integer, got ${runs}`);
  const layout = metaRnnLayout(shape, spec);
  const { device, limits } = opts.device;
  checkMetaRnnLimits(shape, spec, runs, layout.size, limits);
  const cache = pipelineCache(device);
  const pipeline = await cache.get('meta_rnn_step', opts.shaders.meta_rnn_step, metaRnnOverrides(shape, spec, limits));
  return new MetaRnnGpuRuns(opts.device, cache, pipeline, layout, runs, {
    waitBeforeMap: opts.waitBeforeMap ?? inNode(),
    maxStepsPerSubmit: opts.maxStepsPerSubmit ?? Infinity,
  });
}

export class MetaRnnGpuRuns implements LearnedRunsGpu {
  readonly kind = 'meta-rnn' as const;
  readonly shape: LearnedShape;
  readonly spec: MetaRnnSpec;
  readonly paramCount: number;
  readonly description: string;
  private readonly device: GPUDevice;
  private readonly dims: GPUBuffer;
  private readonly state: GPUBuffer;
  private params: GPUBuffer | null = null;
  private readonly block: BlockBuffers;
  private readonly stepStride: number;
  private readonly maxPerDim: number;
  private readonly maxBinding: number;
  private readonly waitBeforeMap: boolean;
  private readonly maxStepsPerSubmit: number;
  /** Seconds per example of the last blocks (the least sets the sleep before mapping). */
  private readonly secondsPerStep: number[] = [];
  private serial: Promise<unknown> = Promise.resolve();
  /** What a setParams or resetState upload threw, for the next run or readState to throw. */
  private failure: unknown = null;

  constructor(
    gpu: GpuDevice,
    private readonly cache: PipelineCache,
    private readonly pipeline: GPUComputePipeline,
    readonly layout: MetaRnnLayout,
    readonly runs: number,
    opts: Required<Pick<MetaRnnGpuOptions, 'waitBeforeMap' | 'maxStepsPerSubmit'>>,
  ) {
    this.waitBeforeMap = opts.waitBeforeMap;
    this.maxStepsPerSubmit = opts.maxStepsPerSubmit;
    this.device = gpu.device;
    this.shape = layout.shape;
    this.spec = layout.spec;
    this.paramCount = layout.size;
    this.description = `WebGPU: ${describeAdapter(gpu.info)}`;
    this.stepStride = gpu.limits.minUniformBufferOffsetAlignment;
    this.maxPerDim = gpu.limits.maxComputeWorkgroupsPerDimension;
    this.maxBinding = Math.min(gpu.limits.maxStorageBufferBindingSize, gpu.limits.maxBufferSize);
    const usage = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    this.dims = this.device.createBuffer({ label: 'meta-rnn dims', size: 16, usage });
    const floats = runs * metaRnnStateFloats(this.spec.hidden, this.shape.numClasses);
    this.state = this.device.createBuffer({ label: 'meta-rnn state', size: floats * 4, usage: STORAGE() });
    this.block = new BlockBuffers(
      this.device,
      { inputSize: this.shape.inputSize, numClasses: this.shape.numClasses, runs },
      this.stepStride,
    );
    this.resetState();
  }

  /** Copies the vectors to the device: one for every run, or one per run; each of paramCount finite values. */
  setParams(params: readonly Float32Array[]): void {
    if (params.length !== 1 && params.length !== this.runs) {
      throw new Error(`meta-rnn: params: expected 1 or ${this.runs} parameter vectors, got ${params.length}`);
    }
    params.forEach((p, r) => {
      if (p.length !== this.paramCount)
        throw new Error(`meta-rnn: params[${r}]: expected ${this.paramCount} values, got ${p.length}`);
      for (let i = 0; i < p.length; i++) {
        if (p[i] - p[i] !== 0) throw new Error(`meta-rnn: params[${r}][${i}]: is ${p[i]}`); // NaN or ±Infinity
      }
    });
    const copies = params.map((p) => p.slice());
    this.deferred(() => {
      const bytes = copies.length * this.paramCount * 4;
      if (!this.params || this.params.size !== bytes) {
        this.params?.destroy();
        this.params = this.device.createBuffer({ label: 'meta-rnn params', size: bytes, usage: STORAGE() });
      }
      copies.forEach((p, r) => upload(this.device.queue, this.params as GPUBuffer, r * this.paramCount * 4, p));
      upload(this.device.queue, this.dims, 0, packMetaRnnDims(this.runs, copies.length === 1 ? 0 : this.paramCount));
    });
  }

  /** Every run to h = c = e = 0 and no previous label. */
  resetState(): void {
    const S = metaRnnStateFloats(this.spec.hidden, this.shape.numClasses);
    const init = new Float32Array(this.runs * S);
    for (let r = 0; r < this.runs; r++) init[r * S + S - 1] = -1;
    this.deferred(() => upload(this.device.queue, this.state, 0, init));
  }

  run(block: StreamBlock, opts: RunOptions = {}): Promise<BlockResult> {
    return this.inOrder(() => this.runNow(block, opts.outputs !== false));
  }

  /** The state of every run as the CPU reference holds it (MetaRnnRuns.state), in float64. */
  readState(): Promise<MetaRnnState> {
    return this.inOrder(async () => {
      this.throwFailure();
      const [bytes] = await readRanges(this.device, [{ buffer: this.state, offset: 0, size: this.state.size }]);
      const f = new Float32Array(bytes);
      const H = this.spec.hidden;
      const K = this.shape.numClasses;
      const S = metaRnnStateFloats(H, K);
      const out: MetaRnnState = {
        h: new Float64Array(this.runs * H),
        c: new Float64Array(this.runs * H),
        e: new Float64Array(this.runs * K),
        prevLabel: new Int32Array(this.runs),
      };
      for (let r = 0; r < this.runs; r++) {
        out.h.set(f.subarray(r * S, r * S + H), r * H);
        out.c.set(f.subarray(r * S + H, r * S + 2 * H), r * H);
        out.e.set(f.subarray(r * S + 2 * H, r * S + 2 * H + K), r * K);
        out.prevLabel[r] = f[r * S + S - 1];
      }
      return out;
    });
  }

  dispose(): void {
    this.params?.destroy();
    this.dims.destroy();
    this.state.destroy();
    this.block.destroy();
  }

  /**
   * Every call takes effect in the order made, after the blocks before it (setParams and resetState
   * return at once, their uploads wait for the runs already asked for).
   */
  private inOrder<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.serial.then(fn);
    this.serial = next.catch(() => undefined);
    return next;
  }

  /** inOrder for the calls that return nothing: a failure is thrown by the next run or readState. */
  private deferred(fn: () => void): void {
    this.inOrder(fn).catch((e: unknown) => {
      this.failure ??= e;
    });
  }

  private throwFailure(): void {
    const e = this.failure;
    this.failure = null;
    if (e !== null) throw e;
  }

  private async runNow(block: StreamBlock, wantOutputs: boolean): Promise<BlockResult> {
    this.throwFailure();
    if (!this.params) throw new Error('meta-rnn: no parameters (call setParams first)');
    const { inputSize: A, numClasses: K } = this.shape;
    const R = this.runs;
    const map = checkBlock({ inputSize: A, numClasses: K, runs: R }, block);
    if (!map.ok) throw new GpuEngineError(map.error);
    const T = block.steps;
    const Q = block.labels.length / T;
    const Tc = this.chunkSteps(Q, T);
    const loss = new Float32Array(R * T);
    const correct = new Uint8Array(R * T);
    const outputs = wantOutputs ? new Float32Array(R * T * K) : null;
    for (let t0 = 0; t0 < T; t0 += Tc) {
      const n = Math.min(Tc, T - t0);
      const c = await this.runChunk(block, map.value, Q, t0, n, wantOutputs);
      for (let r = 0; r < R; r++) {
        loss.set(c.loss.subarray(r * n, (r + 1) * n), r * T + t0);
        correct.set(c.correct.subarray(r * n, (r + 1) * n), r * T + t0);
        outputs?.set((c.outputs as Float32Array).subarray(r * n * K, (r + 1) * n * K), (r * T + t0) * K);
      }
    }
    return { runs: R, steps: T, loss, correct, outputs };
  }

  /** Examples per submit: what every block buffer's binding holds, at most maxStepsPerSubmit. */
  private chunkSteps(Q: number, T: number): number {
    const { inputSize: A, numClasses: K } = this.shape;
    const perStep = Math.max(Q * A * 4, this.runs * K * 4, this.stepStride);
    const Tc = Math.min(T, this.maxStepsPerSubmit, Math.floor(this.maxBinding / perStep));
    if (Tc < 1)
      throw gpuError(
        'limit',
        'inputs',
        `one example of ${Q} streams (${Q * A * 4} bytes) is over the device's ${this.maxBinding} bytes per binding`,
      );
    return Tc;
  }

  /** Examples [t0, t0 + n) of every run in one submit: loss, correct [R][n] and outputs [R][n][K]. */
  private async runChunk(
    block: StreamBlock,
    streamOfRun: Uint32Array,
    Q: number,
    t0: number,
    n: number,
    wantOutputs: boolean,
  ) {
    const R = this.runs;
    const K = this.shape.numClasses;
    const params = this.params as GPUBuffer;
    const rb = await withErrorScopes(this.device, 'meta-rnn run', () => {
      const bufs = this.block.upload(block, streamOfRun, Q, t0, n);
      const group = makeBindGroup(this.device, this.cache, 'meta_rnn_step', {
        dims: { buffer: this.dims },
        step: { buffer: bufs.steps, offset: 0, size: STEP_BYTES },
        params: { buffer: params },
        inputs: { buffer: bufs.inputs },
        labels: { buffer: bufs.labels },
        streamOfRun: { buffer: bufs.streamOfRun },
        state: { buffer: this.state },
        outputs: { buffer: bufs.outputs },
        loss: { buffer: bufs.loss },
        correct: { buffer: bufs.correct },
      });
      const size = foldWorkgroups(R, this.maxPerDim);
      const encoder = this.device.createCommandEncoder({ label: 'meta-rnn block' });
      const pass = encoder.beginComputePass({ label: `meta-rnn block of ${n}` });
      pass.setPipeline(this.pipeline);
      for (let t = 0; t < n; t++) {
        pass.setBindGroup(0, group, [t * this.stepStride]);
        pass.dispatchWorkgroups(size[0], size[1], size[2]);
      }
      pass.end();
      const ranges = [
        { buffer: bufs.loss, offset: 0, size: R * n * 4 },
        { buffer: bufs.correct, offset: 0, size: R * n * 4 },
      ];
      if (wantOutputs) ranges.push({ buffer: bufs.outputs, offset: 0, size: R * n * K * 4 });
      const readback = Readback.encode(this.device, encoder, ranges);
      this.device.queue.submit([encoder.finish()]);
      return readback;
    });
    const submitted = performance.now();
    const expected = this.secondsPerStep.length > 0 ? Math.min(...this.secondsPerStep) * n : 0;
    if (this.waitBeforeMap && expected > 0.002) await sleep(0.85 * expected);
    const bytes = await rb.read();
    this.secondsPerStep.push((performance.now() - submitted) / 1000 / n);
    if (this.secondsPerStep.length > 3) this.secondsPerStep.shift();
    return {
      loss: new Float32Array(bytes[0]),
      correct: Uint8Array.from(new Uint32Array(bytes[1])),
      outputs: wantOutputs ? new Float32Array(bytes[2]) : null,
    };
  }
}
