// The WebGPU engine: S runs of one VSML grid, advanced block by block with the kernels of shaders/.
// Runs are split into shards that each fit the adapter's buffer limits; a block (or a chunk of it,
// when its streams exceed one buffer) is one command buffer, and only what is asked for is read back.
import {
  checkBlock,
  checkIndexedBlock,
  checkParams,
  specShapes,
  type BlockResult,
  type EngineSpec,
  type IndexedBlock,
  type RunOptions,
  type StateVector,
  type StreamBlock,
  type VsmlEngine,
} from '../model/engine';
import type { VmParams } from '../model/layout';
import type { FieldError, Result } from '../model/result';
import type { LayerShape, RunState } from '../model/state';
import { makeShardGroups } from './bindGroups';
import { BlockBuffers } from './blockBuffers';
import { acquireDevice, describeAdapter, type AdapterSummary, type DeviceOptions, type GpuDevice } from './device';
import { encodeSteps, shardDispatches, type EncodeContext, type Pipelines } from './encode';
import { GpuEngineError, gpuError, withErrorScopes } from './errors';
import { kernelOf, pipelineOverrides, pipelinesFor, KERNELS, RESIDENT_KERNELS, type PipelineName } from './kernels';
import { ParamBuffers } from './paramBuffers';
import { pipelineCache, type PipelineCache } from './pipelines';
import { engineBytes, mib, planEngine, stepsPerChunk, type EnginePlan, type PlanOptions } from './plan';
import { readRanges, Readback } from './readback';
import { ResidentInputs } from './resident';
import { SHADER_NAMES, type ShaderSources } from './shaders';
import { ShardBuffers } from './shardBuffers';
import { checkSpec } from './spec';
import { uploadedBytes } from './upload';

export interface GpuLostInfo {
  readonly reason: string;
  readonly message: string;
}

export interface GpuEngineOptions extends DeviceOptions, PlanOptions {
  readonly gpu: GPU;
  readonly shaders: ShaderSources;
  /** Use this device instead of acquiring one (the engine then does not destroy it). */
  readonly device?: GpuDevice;
  /**
   * Examples per command buffer at most (default 4096, less when a chunk's streams would exceed a
   * buffer). Lower it where a long submit could trip a GPU watchdog.
   */
  readonly maxStepsPerSubmit?: number;
  /** Called once if the device is lost while the engine is alive. */
  readonly onLost?: (info: GpuLostInfo) => void;
  /**
   * Before mapping a block's results, sleep through most of the GPU time the last block took (per
   * example). Default: on in Node, where Dawn's `webgpu` package polls a pending mapAsync with
   * setImmediate, keeping the JS thread at 100% CPU for as long as the GPU works, which takes a core
   * from SwiftShader (a CPU implementation) and from everything else; the results are the same.
   */
  readonly waitBeforeMap?: boolean;
}

/** Node (not a browser): see GpuEngineOptions.waitBeforeMap. */
const inNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

/** Fraction of the expected GPU time slept before mapping (the rest is polled). */
const WAIT_FRACTION = 0.85;
/** The expected GPU time per example is the least of the last few chunks' (an outlier never oversleeps). */
const WAIT_HISTORY = 3;

/** createGpuEngine with failures as values (no WebGPU, no adapter, grid over the limits, ...). */
export async function tryCreateGpuEngine(spec: EngineSpec, opts: GpuEngineOptions): Promise<Result<GpuEngine>> {
  try {
    return { ok: true, value: await createGpuEngine(spec, opts) };
  } catch (e) {
    const error: FieldError =
      e instanceof GpuEngineError ? e.error : { code: 'webgpu', field: '', message: (e as Error).message };
    return { ok: false, error };
  }
}

export async function createGpuEngine(spec: EngineSpec, opts: GpuEngineOptions): Promise<GpuEngine> {
  const specOk = checkSpec(spec);
  if (!specOk.ok) throw new GpuEngineError(specOk.error);
  const missing = SHADER_NAMES.filter((n) => typeof opts.shaders?.[n] !== 'string');
  if (missing.length)
    throw gpuError('missing', 'shaders', `no source for ${missing.map((n) => `${n}.wgsl`).join(', ')}`);
  let gpu: GpuDevice;
  if (opts.device) gpu = opts.device;
  else {
    const r = await acquireDevice(opts.gpu, opts);
    if (!r.ok) throw new GpuEngineError(r.error);
    gpu = r.value;
  }
  const owned = !opts.device;
  const plan = planEngine(spec, gpu.limits, opts);
  if (!plan.ok) {
    if (owned) gpu.device.destroy();
    throw new GpuEngineError({ ...plan.error, message: `${plan.error.message} on ${describeAdapter(gpu.info)}` });
  }
  const made: { engine?: GpuEngine } = {};
  try {
    const cache = pipelineCache(gpu.device);
    const pipelines = await compilePipelines(
      cache,
      opts.shaders,
      spec,
      plan.value,
      pipelinesAtCreation(spec, plan.value),
    );
    const what = `buffers for ${spec.runs} runs (${mib(engineBytes(spec))} in all)`;
    return await withErrorScopes(
      gpu.device,
      what,
      () => (made.engine = new GpuEngine(spec, gpu, owned, plan.value, cache, opts.shaders, pipelines, opts)),
    );
  } catch (e) {
    made.engine?.dispose(); // destroys an owned device too
    if (owned) gpu.device.destroy();
    throw e;
  }
}

/**
 * Whether createGpuEngine(spec) on `device` would find every pipeline it needs compiled already (so it
 * only allocates buffers); false when the grid does not fit the device (createGpuEngine says why).
 */
export function pipelinesReady(
  spec: EngineSpec,
  device: GpuDevice,
  shaders: ShaderSources,
  opts: PlanOptions = {},
): boolean {
  if (!checkSpec(spec).ok) return false;
  const plan = planEngine(spec, device.limits, opts);
  if (!plan.ok) return false;
  const cache = pipelineCache(device.device);
  return pipelinesAtCreation(spec, plan.value).every((n) =>
    cache.has(kernelOf(n), shaders[KERNELS[kernelOf(n)].shader], pipelineOverrides(n, spec.config, plan.value.tuning)),
  );
}

/** The pipelines an engine runs (kernels.ts pipelinesFor): per-run W_h variants only when runs > 1. */
const enginePipelines = (spec: EngineSpec, plan: EnginePlan): PipelineName[] =>
  pipelinesFor(plan.tuning, spec.config.hiddenSizes.length + 1, spec.runs);

const RESIDENT: ReadonlySet<PipelineName> = new Set(RESIDENT_KERNELS);

/**
 * Pipelines compiled on first use rather than when the engine is made: the per-run W_h variants
 * (`:own`, only for blocks with one V_M per run) and the resident-data kernels (only runIndexed). A
 * studio session (one shared V_M, streamed inputs) then waits for half the N = 16 grid compiles on
 * a software adapter, where each takes tens of seconds.
 */
const onFirstUse = (n: PipelineName): boolean => n.endsWith(':own') || RESIDENT.has(n);

/** The pipelines createGpuEngine compiles (and pipelinesReady looks for): all but the first-use ones. */
const pipelinesAtCreation = (spec: EngineSpec, plan: EnginePlan): PipelineName[] =>
  enginePipelines(spec, plan).filter((n) => !onFirstUse(n));

/** The pipelines `names` from the device's cache (compiled there when missing). */
async function compilePipelines(
  cache: PipelineCache,
  shaders: ShaderSources,
  spec: EngineSpec,
  plan: EnginePlan,
  names: readonly PipelineName[],
): Promise<Pipelines> {
  const list = await Promise.all(
    names.map((n) =>
      cache.get(kernelOf(n), shaders[KERNELS[kernelOf(n)].shader], pipelineOverrides(n, spec.config, plan.tuning)),
    ),
  );
  return Object.fromEntries(names.map((n, i) => [n, list[i]])) as Pipelines;
}

/** Fills a chunk's block buffers (by upload, or by passes encoded before the chunk's steps); returns them. */
type ChunkFill = (encoder: GPUCommandEncoder) => ReturnType<BlockBuffers['upload']>;

const sleep = (seconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export class GpuEngine implements VsmlEngine {
  readonly backend = 'webgpu' as const;
  readonly description: string;
  readonly shapes: readonly LayerShape[];
  readonly adapterInfo: AdapterSummary;
  /** Resolves when the device is lost (reason "destroyed" after dispose). */
  readonly lost: Promise<GpuLostInfo>;
  private readonly device: GPUDevice;
  private readonly shards: ShardBuffers[];
  private readonly params: ParamBuffers;
  private readonly block: BlockBuffers;
  private readonly resident: ResidentInputs;
  private readonly ctx: EncodeContext;
  private paramsSet = false;
  private stateSet = false;
  private lostInfo: GpuLostInfo | null = null;
  private disposed = false;
  private serial: Promise<unknown> = Promise.resolve();
  private readonly maxStepsPerSubmit: number;
  /** See GpuEngineOptions.waitBeforeMap. */
  readonly waitBeforeMap: boolean;
  /** The pipelines of one example's dispatches (all shards, in order), as the last chunk encoded them. */
  private lastDispatches: readonly PipelineName[] = [];
  /** Seconds from submit to mapped results per example, of the last WAIT_HISTORY chunks. */
  private readonly secondsPerStep: number[] = [];

  constructor(
    readonly spec: EngineSpec,
    private readonly gpu: GpuDevice,
    private readonly ownsDevice: boolean,
    readonly plan: EnginePlan,
    private readonly cache: PipelineCache,
    private readonly shaders: ShaderSources,
    pipelines: Pipelines,
    opts: Pick<GpuEngineOptions, 'onLost' | 'maxStepsPerSubmit' | 'waitBeforeMap'> = {},
  ) {
    this.maxStepsPerSubmit = opts.maxStepsPerSubmit ?? 4096;
    this.waitBeforeMap = opts.waitBeforeMap ?? inNode();
    this.device = gpu.device;
    this.adapterInfo = gpu.info;
    this.description = `WebGPU: ${describeAdapter(gpu.info)}`;
    this.shapes = specShapes(spec);
    const stepStride = gpu.limits.minUniformBufferOffsetAlignment;
    this.ctx = {
      pipelines,
      tuning: plan.tuning,
      maxPerDim: gpu.limits.maxComputeWorkgroupsPerDimension,
      stepStride,
      stateSize: spec.config.stateSize,
    };
    this.shards = plan.shards.map(
      (s) => new ShardBuffers(this.device, spec.config, this.shapes, s, stepStride, plan.tuning),
    );
    this.params = new ParamBuffers(this.device, spec.config);
    this.block = new BlockBuffers(this.device, spec, stepStride);
    this.resident = new ResidentInputs(
      this.device,
      cache,
      this.ctx,
      spec.inputSize,
      gpu.limits.maxStorageBufferBindingSize,
      stepStride,
    );
    this.lost = this.device.lost.then((info) => {
      const l = { reason: String(info.reason), message: info.message };
      if (!this.disposed) {
        this.lostInfo = l;
        opts.onLost?.(l);
      }
      return l;
    });
  }

  /** The dispatches of one example (pipeline names, every shard, in order) in the last block run; [] before. */
  get dispatchesPerExample(): readonly PipelineName[] {
    return this.lastDispatches;
  }

  /** Shards (sub-ranges of runs with their own buffers) this engine uses. */
  get shardCount(): number {
    return this.shards.length;
  }

  setParams(params: readonly VmParams[]): void {
    this.usable();
    const r = checkParams(this.spec, params);
    if (!r.ok) throw new GpuEngineError(r.error);
    this.params.write(params);
    for (const s of this.shards) s.writeDims(this.params.gateStride, this.params.msgStride);
    this.paramsSet = true;
  }

  setState(states: readonly RunState[]): void {
    this.usable();
    if (states.length !== this.spec.runs)
      throw gpuError('shape', 'state', `expected ${this.spec.runs} runs, got ${states.length}`);
    const N = this.spec.config.stateSize;
    states.forEach((rs, s) =>
      this.shapes.forEach(({ A, B }, l) => {
        const want = A * B * N;
        if (rs[l]?.h.length !== want || rs[l]?.c.length !== want)
          throw gpuError('shape', `state[${s}][${l}]`, `expected h and c of ${A}x${B}x${N} = ${want} values`);
      }),
    );
    for (const s of this.shards) s.writeStates(states);
    const encoder = this.device.createCommandEncoder({ label: 'clear carry' });
    for (const s of this.shards) s.clearCarry(encoder);
    this.device.queue.submit([encoder.finish()]);
    this.stateSet = true;
  }

  run(block: StreamBlock, opts: RunOptions = {}): Promise<BlockResult> {
    return this.queued(async () => {
      await this.compileFirstUse(false);
      return this.runNow(block, opts.outputs !== false);
    });
  }

  /** run() of an indexed block: only its indices (and projection seeds) are uploaded; see resident.ts. */
  runIndexed(block: IndexedBlock, opts: RunOptions = {}): Promise<BlockResult> {
    return this.queued(async () => {
      await this.compileFirstUse(true);
      return this.runIndexedNow(block, opts.outputs !== false);
    });
  }

  /**
   * The first-use pipelines (onFirstUse) a block needs: the per-run variants when params are per run, the resident
   * kernels when `indexed`.
   */
  private async compileFirstUse(indexed: boolean): Promise<void> {
    const own = this.paramsSet && this.params.gateStride !== 0;
    const missing = enginePipelines(this.spec, this.plan).filter(
      (n) => onFirstUse(n) && this.ctx.pipelines[n] === undefined && (RESIDENT.has(n) ? indexed : own),
    );
    if (missing.length > 0)
      Object.assign(
        this.ctx.pipelines,
        await compilePipelines(this.cache, this.shaders, this.spec, this.plan, missing),
      );
  }

  /** Bytes written to this engine's device queue so far, by every engine on the device (upload.ts). */
  get uploadedBytes(): number {
    return uploadedBytes(this.device.queue);
  }

  readState(run: number): Promise<RunState> {
    return this.queued(async () => {
      const { sh, local } = this.locate(run);
      const ranges = this.shapes.flatMap((_, l) => {
        const r = sh.stateRange(l, local);
        return [
          { buffer: sh.layers[l].h, ...r },
          { buffer: sh.layers[l].c, ...r },
        ];
      });
      const bytes = await readRanges(this.device, ranges);
      return this.shapes.map((_, l) => ({ h: sh.toABJ(l, bytes[2 * l]), c: sh.toABJ(l, bytes[2 * l + 1]) }));
    });
  }

  readStateSlice(run: number, layer: number, vector: StateVector, j: number): Promise<Float32Array> {
    return this.queued(async () => {
      const { sh, local } = this.locate(run);
      if (!(layer >= 0 && layer < this.shapes.length))
        throw gpuError('range', 'layer', `must be in [0, ${this.shapes.length}), got ${layer}`);
      const N = this.spec.config.stateSize;
      if (!(Number.isInteger(j) && j >= 0 && j < N)) throw gpuError('range', 'j', `must be in [0, ${N}), got ${j}`);
      const [bytes] = await readRanges(this.device, [
        { buffer: sh.layers[layer][vector], ...sh.stateRange(layer, local, j) },
      ]);
      const ba = new Float32Array(bytes); // [b][a]
      const { A, B } = this.shapes[layer];
      const out = new Float32Array(A * B);
      for (let a = 0; a < A; a++) for (let b = 0; b < B; b++) out[a * B + b] = ba[b * A + a];
      return out;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.shards) s.destroy();
    this.params.destroy();
    this.block.destroy();
    this.resident.destroy();
    if (this.ownsDevice) this.device.destroy();
  }

  private runNow(block: StreamBlock, wantOutputs: boolean): Promise<BlockResult> {
    const map = checkBlock(this.spec, block);
    if (!map.ok) throw new GpuEngineError(map.error);
    const Q = block.labels.length / block.steps;
    return this.runChunks(
      block.steps,
      Q,
      wantOutputs,
      (t0, Tc) => () => this.block.upload(block, map.value, Q, t0, Tc),
    );
  }

  private runIndexedNow(block: IndexedBlock, wantOutputs: boolean): Promise<BlockResult> {
    const layout = checkIndexedBlock(this.spec, block);
    if (!layout.ok) throw new GpuEngineError(layout.error);
    const Q = layout.value.streams;
    return this.runChunks(block.steps, Q, wantOutputs, (t0, Tc) => (encoder) => {
      const bufs = this.block.prepare(layout.value.streamOfRun, Q, Tc);
      this.resident.encode(encoder, block, layout.value, t0, Tc, bufs);
      return bufs;
    });
  }

  /** A block of T examples of Q streams in chunks; `fill(t0, Tc)` gives what fills a chunk's block buffers. */
  private async runChunks(
    T: number,
    Q: number,
    wantOutputs: boolean,
    fill: (t0: number, Tc: number) => ChunkFill,
  ): Promise<BlockResult> {
    if (!this.paramsSet) throw gpuError('state', 'params', 'not set (call setParams first)');
    if (!this.stateSet) throw gpuError('state', 'state', 'not set (call setState first)');
    const { runs: S, numClasses: K } = this.spec;
    const chunk = stepsPerChunk(this.spec, Q, this.gpu.limits, this.maxStepsPerSubmit);
    if (!chunk.ok) throw new GpuEngineError(chunk.error);
    const outputs = wantOutputs ? new Float32Array(S * T * K) : null;
    const loss = new Float32Array(S * T);
    const correct = new Uint8Array(S * T);
    for (let t0 = 0; t0 < T; t0 += chunk.value) {
      const Tc = Math.min(chunk.value, T - t0);
      const bytes = await this.runChunk(fill(t0, Tc), Tc, wantOutputs);
      const l = new Float32Array(bytes[0]);
      const c = new Uint32Array(bytes[1]);
      const y = wantOutputs ? new Float32Array(bytes[2]) : null;
      for (let s = 0; s < S; s++) {
        loss.set(l.subarray(s * Tc, (s + 1) * Tc), s * T + t0);
        for (let t = 0; t < Tc; t++) correct[s * T + t0 + t] = c[s * Tc + t];
        if (y && outputs) outputs.set(y.subarray(s * Tc * K, (s + 1) * Tc * K), (s * T + t0) * K);
      }
    }
    return { runs: S, steps: T, outputs, loss, correct };
  }

  /** Fill a chunk of Tc examples (upload, or gather on the device), encode it as one command buffer, read back. */
  private async runChunk(fill: ChunkFill, Tc: number, wantOutputs: boolean) {
    const { runs: S, numClasses: K } = this.spec;
    const rb = await withErrorScopes(this.device, 'run', () => {
      const encoder = this.device.createCommandEncoder({ label: `block of ${Tc}` });
      const bufs = fill(encoder);
      const shared = { ...bufs, gateW: this.params.gateW as GPUBuffer, msgW: this.params.msgW as GPUBuffer };
      const groupOpts = { ...this.ctx.tuning, messageSize: this.spec.config.messageSize };
      const perShard = this.shards.map((sh) =>
        shardDispatches(
          this.ctx,
          sh,
          makeShardGroups(this.device, this.cache, sh, shared, groupOpts),
          this.params.gateStride,
        ),
      );
      this.lastDispatches = perShard.flat().map((d) => d.name);
      const pass = encoder.beginComputePass({ label: `block of ${Tc}` });
      encodeSteps(pass, this.ctx, perShard, Tc);
      pass.end();
      const ranges = [
        { buffer: bufs.loss, offset: 0, size: S * Tc * 4 },
        { buffer: bufs.correct, offset: 0, size: S * Tc * 4 },
      ];
      if (wantOutputs) ranges.push({ buffer: bufs.outputs, offset: 0, size: S * Tc * K * 4 });
      const readback = Readback.encode(this.device, encoder, ranges);
      this.device.queue.submit([encoder.finish()]);
      return readback;
    });
    const submitted = performance.now();
    const expected = this.secondsPerStep.length > 0 ? Math.min(...this.secondsPerStep) * Tc : 0;
    if (this.waitBeforeMap && expected > 0.002) await sleep(WAIT_FRACTION * expected);
    const bytes = await rb.read();
    this.secondsPerStep.push((performance.now() - submitted) / 1000 / Tc);
    if (this.secondsPerStep.length > WAIT_HISTORY) this.secondsPerStep.shift();
    return bytes;
  }

  private locate(run: number): { sh: ShardBuffers; local: number } {
    if (!(Number.isInteger(run) && run >= 0 && run < this.spec.runs))
      throw gpuError('range', 'run', `must be in [0, ${this.spec.runs}), got ${run}`);
    if (!this.stateSet) throw gpuError('state', 'state', 'not set (call setState first)');
    const sh = this.shards.find((s) => run < s.shard.runBase + s.shard.runs) as ShardBuffers;
    return { sh, local: run - sh.shard.runBase };
  }

  private usable(): void {
    if (this.disposed) throw gpuError('disposed', '', 'the engine was disposed');
    if (this.lostInfo)
      throw gpuError('device-lost', '', `the GPU device was lost (${this.lostInfo.reason}): ${this.lostInfo.message}`);
  }

  private queued<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.serial.then(() => {
      this.usable();
      return fn();
    });
    this.serial = next.catch(() => undefined);
    return next;
  }
}
