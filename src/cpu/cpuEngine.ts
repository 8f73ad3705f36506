// The fast CPU engine (backend 'cpu'): the VsmlEngine contract of the reference
// (src/model/referenceEngine.ts), computed by the WebAssembly SIMD kernel of wasm/vsml_cpu.ts on one
// memory shared by its threads. Threads split the runs (each run wholly on one thread, so results do
// not depend on the thread count); a block is run in chunks of examples so the inputs stay bounded.
import {
  checkBlock,
  checkParams,
  type BlockResult,
  type EngineSpec,
  type RunOptions,
  type StateVector,
  type StreamBlock,
  type VsmlEngine,
} from '../model/engine';
import type { VmParams } from '../model/layout';
import { formatFieldError } from '../model/result';
import { asABJ, type LayerShape, type RunState } from '../model/state';
import { inThread } from './inThread';
import { CTX, LAYER_WORDS, cpuLayout, type CpuLayout } from './layout';
import { packParams, padState, unpadState } from './pack';
import type { ThreadsFactory, WasmCall, WasmThreads } from './threadsContract';
import { moduleVariant, type WasmVariant } from './wasmVariants';

export interface CpuEngineOptions {
  /** The compiled kernel (loadWasmNode() or loadWasmVite()). */
  readonly module: WebAssembly.Module;
  /** Threads wanted (default 1); more than one needs a shared-memory build and a factory. */
  readonly threads?: number;
  readonly threadsFactory?: ThreadsFactory;
  /**
   * Why threads cannot run here (e.g. "the page is not cross-origin isolated"): said after "1 thread" in the
   * description.
   */
  readonly threadsNote?: string;
  /** Bytes of inputs per chunk of examples (default 16 MiB; at least one example per chunk). */
  readonly chunkBytes?: number;
}

export interface CpuEngine extends VsmlEngine {
  readonly backend: 'cpu';
  /** Threads that compute (after falling back to 1 where threads are not available). */
  readonly threads: number;
  readonly variant: WasmVariant;
  /** Bytes of WebAssembly memory the engine holds. */
  readonly memoryBytes: number;
  /** Examples per chunk of a block (one call per thread each). */
  readonly chunkSteps: number;
}

export async function createCpuEngine(spec: EngineSpec, opts: CpuEngineOptions): Promise<CpuEngine> {
  const variant = moduleVariant(opts.module);
  const wanted = Math.max(1, Math.min(Math.floor(opts.threads ?? 1), spec.runs));
  if (!Number.isFinite(wanted))
    throw new Error(`fast CPU engine: threads must be a positive integer, got ${opts.threads}`);
  const threaded = wanted > 1 && variant.shared && opts.threadsFactory !== undefined;
  // Scratch for as many threads as asked: the factory may start fewer.
  const layout = cpuLayout(spec, threaded ? wanted : 1, opts.chunkBytes);
  const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: variant.shared });
  const program = { module: opts.module, memory };
  const threads =
    threaded && opts.threadsFactory ? await opts.threadsFactory(program, wanted) : await inThread(program, 1);
  return new WasmCpuEngine(spec, layout, memory, threads, variant, opts.threadsNote);
}

class WasmCpuEngine implements CpuEngine {
  readonly backend = 'cpu' as const;
  readonly description: string;
  readonly shapes: readonly LayerShape[];
  readonly threads: number;
  readonly memoryBytes: number;
  readonly chunkSteps: number;
  private paramsSet = false;
  private stateSet = false;
  private disposed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly spec: EngineSpec,
    private readonly layout: CpuLayout,
    private readonly memory: WebAssembly.Memory,
    private readonly pool: WasmThreads,
    readonly variant: WasmVariant,
    threadsNote?: string,
  ) {
    this.shapes = layout.shapes;
    this.threads = Math.min(pool.size, layout.threads);
    this.memoryBytes = layout.pages * 65536;
    this.chunkSteps = layout.chunkSteps;
    this.description = `fast CPU engine (WebAssembly SIMD${variant.relaxed ? ' + relaxed FMA' : ''}, ${this.threads} thread${this.threads === 1 ? (threadsNote ? `: ${threadsNote}` : '') : 's'})`;
    this.writeContext();
  }

  private get buffer(): ArrayBufferLike {
    return this.memory.buffer;
  }
  private f32(at: number, n: number): Float32Array {
    return new Float32Array(this.buffer, at, n);
  }
  private u32(at: number, n: number): Uint32Array {
    return new Uint32Array(this.buffer, at, n);
  }

  private writeContext(): void {
    const Y = this.layout;
    const { config } = this.spec;
    const ctx = new Int32Array(this.buffer, Y.ctx, 32);
    ctx[CTX.L] = Y.shapes.length;
    ctx[CTX.NP] = Y.Np;
    ctx[CTX.M] = Y.M;
    ctx[CTX.MT] = config.microTicks;
    ctx[CTX.K] = Y.K;
    ctx[CTX.FEED_LABEL] = config.feedLabel ? 1 : 0;
    ctx[CTX.OUTPUT_INDEX] = config.outputIndex;
    ctx[CTX.RUN_STATE] = Y.runStateTable;
    ctx[CTX.RUN_PARAMS] = Y.runParamsTable;
    ctx[CTX.RUN_BWD] = Y.runBwdTable;
    ctx[CTX.LAYERS] = Y.layerTable;
    new Float64Array(this.buffer, Y.ctx + CTX.TANH_BOUND * 4, 1)[0] = config.tanhBound;
    ctx[CTX.RUN_INPUTS] = Y.runInputsTable;
    ctx[CTX.RUN_LABELS] = Y.runLabelsTable;
    ctx[CTX.INPUT_SIZE] = Y.A;
    const [u, v, hsumB, hsumA, p] = Y.scratchParts;
    ctx[CTX.SCRATCH_U] = u;
    ctx[CTX.SCRATCH_V] = v;
    ctx[CTX.SCRATCH_HSUMB] = hsumB;
    ctx[CTX.SCRATCH_HSUMA] = hsumA;
    ctx[CTX.SCRATCH_P] = p;
    ctx[CTX.BACKWARD_PASS] = config.backwardPass ? 1 : 0;
    const layers = this.u32(Y.layerTable, Y.layers.length * LAYER_WORDS);
    Y.layers.forEach((l, i) => layers.set([l.A, l.B, l.h, l.c, l.bwd, l.msg], i * LAYER_WORDS));
    const states = this.u32(Y.runStateTable, Y.S);
    const bwd = this.u32(Y.runBwdTable, Y.S);
    for (let s = 0; s < Y.S; s++) {
      states[s] = Y.states + s * Y.stateBytes;
      bwd[s] = Y.bwd + s * Y.bwdBytes;
    }
  }

  private alive(): void {
    if (this.disposed) throw new Error('fast CPU engine: disposed');
  }

  setParams(params: readonly VmParams[]): void {
    this.alive();
    const r = checkParams(this.spec, params);
    if (!r.ok) throw new Error(formatFieldError(r.error));
    const Y = this.layout;
    const table = this.u32(Y.runParamsTable, Y.S);
    params.forEach((p, i) =>
      packParams(this.spec.config, Y.Np, Y.packed, p, this.f32(Y.params + i * Y.paramBytes, Y.packed.floats)),
    );
    for (let s = 0; s < Y.S; s++) table[s] = Y.params + (params.length === 1 ? 0 : s) * Y.paramBytes;
    this.paramsSet = true;
  }

  setState(states: readonly RunState[]): void {
    this.alive();
    const Y = this.layout;
    if (states.length !== Y.S) throw new Error(`state: expected ${Y.S} runs, got ${states.length}`);
    states.forEach((run, s) => {
      if (run.length !== Y.layers.length)
        throw new Error(`state[${s}]: expected ${Y.layers.length} layers, got ${run.length}`);
      Y.layers.forEach((l, li) => {
        const n = l.A * l.B * Y.N;
        for (const v of ['h', 'c'] as const) {
          const src = run[li][v];
          if (src.length !== n)
            throw new Error(
              `state[${s}][${li}].${v}: expected ${n} values (${l.A} x ${l.B} x ${Y.N}), got ${src.length}`,
            );
          padState(src, Y.N, Y.Np, this.f32(Y.states + s * Y.stateBytes + l[v], l.A * l.B * Y.Np));
        }
      });
    });
    new Uint8Array(this.buffer, Y.bwd, Y.S * Y.bwdBytes).fill(0);
    this.stateSet = true;
  }

  run(block: StreamBlock, opts: RunOptions = {}): Promise<BlockResult> {
    const next = this.queue.then(() => this.runNow(block, opts));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(block: StreamBlock, opts: RunOptions): Promise<BlockResult> {
    this.alive();
    if (!this.paramsSet) throw new Error('params: not set');
    if (!this.stateSet) throw new Error('state: not set');
    const map = checkBlock(this.spec, block);
    if (!map.ok) throw new Error(formatFieldError(map.error));
    const Y = this.layout;
    const { S, A, K } = Y;
    const T = block.steps;
    const wantOutputs = opts.outputs !== false;
    const outputs = wantOutputs ? new Float32Array(S * T * K) : null;
    const loss = new Float32Array(S * T);
    const correct = new Uint8Array(S * T);

    // One input slot per stream in use.
    const slotOf = new Map<number, number>();
    for (let s = 0; s < S; s++) if (!slotOf.has(map.value[s])) slotOf.set(map.value[s], slotOf.size);
    const Tcap = Y.chunkSteps;
    const inputsRow = Tcap * A;
    const runInputs = this.u32(Y.runInputsTable, S);
    const runLabels = this.u32(Y.runLabelsTable, S);
    for (let s = 0; s < S; s++) {
      const slot = slotOf.get(map.value[s]) as number;
      runInputs[s] = Y.inputs + slot * inputsRow * 4;
      runLabels[s] = Y.labels + slot * Tcap * 4;
    }
    const ctx = new Int32Array(this.buffer, Y.ctx, 32);
    ctx[CTX.OUTPUTS] = wantOutputs ? Y.outputs : 0;
    ctx[CTX.LOSS] = Y.loss;
    ctx[CTX.CORRECT] = Y.correct;
    const n = Math.min(this.threads, S);
    const calls: WasmCall[] = Array.from({ length: n }, (_, k) => ({
      name: 'run_block',
      args: [Y.ctx, Y.scratch + k * Y.scratchBytes, Math.floor((k * S) / n), Math.floor(((k + 1) * S) / n)],
    }));

    for (let t0 = 0; t0 < T; t0 += Tcap) {
      const Tc = Math.min(Tcap, T - t0);
      const inputs = this.f32(Y.inputs, S * inputsRow);
      const labels = new Int32Array(this.buffer, Y.labels, S * Tcap);
      for (const [q, slot] of slotOf) {
        inputs.set(block.inputs.subarray((q * T + t0) * A, (q * T + t0 + Tc) * A), slot * inputsRow);
        labels.set(block.labels.subarray(q * T + t0, q * T + t0 + Tc), slot * Tcap);
      }
      ctx[CTX.STEPS] = Tc;
      await this.pool.call(calls);
      this.alive();
      const outs = this.f32(Y.outputs, S * Tc * K);
      const losses = this.f32(Y.loss, S * Tc);
      const rights = new Uint8Array(this.buffer, Y.correct, S * Tc);
      for (let s = 0; s < S; s++) {
        if (outputs) outputs.set(outs.subarray(s * Tc * K, (s + 1) * Tc * K), (s * T + t0) * K);
        loss.set(losses.subarray(s * Tc, (s + 1) * Tc), s * T + t0);
        correct.set(rights.subarray(s * Tc, (s + 1) * Tc), s * T + t0);
      }
    }
    return { runs: S, steps: T, outputs, loss, correct };
  }

  private checkRun(run: number): void {
    this.alive();
    if (!this.stateSet) throw new Error('state: not set');
    if (!Number.isInteger(run) || run < 0 || run >= this.layout.S)
      throw new Error(`run: must be an integer in [0, ${this.layout.S}), got ${run}`);
  }

  async readState(run: number): Promise<RunState> {
    await this.queue;
    this.checkRun(run);
    const Y = this.layout;
    const base = Y.states + run * Y.stateBytes;
    return Y.layers.map((l) => ({
      h: asABJ(unpadState(this.f32(base + l.h, l.A * l.B * Y.Np), Y.N, Y.Np)),
      c: asABJ(unpadState(this.f32(base + l.c, l.A * l.B * Y.Np), Y.N, Y.Np)),
    }));
  }

  async readStateSlice(run: number, layer: number, vector: StateVector, j: number): Promise<Float32Array> {
    await this.queue;
    this.checkRun(run);
    const Y = this.layout;
    const l = Y.layers[layer];
    if (!l) throw new Error(`layer: must be an integer in [0, ${Y.layers.length}), got ${layer}`);
    if (!Number.isInteger(j) || j < 0 || j >= Y.N) throw new Error(`j: must be an integer in [0, ${Y.N}), got ${j}`);
    const src = this.f32(Y.states + run * Y.stateBytes + l[vector], l.A * l.B * Y.Np);
    const out = new Float32Array(l.A * l.B);
    for (let cell = 0; cell < l.A * l.B; cell++) out[cell] = src[cell * Y.Np + j];
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pool.dispose();
  }
}
