// The executed cost model: the FLOPs each engine's kernels actually execute and the bytes they move,
// per example and per cell-tick, counted from the kernel sources (shaders/*.wgsl, the TS reference
// src/model/reference.ts, the numpy peer scripts/numpy-peer.py), beside the reference-equation model
// of flops.ts (what the paper's equations cost, the same for every engine).
//
// FLOP convention (COUNTING): add, subtract, multiply, divide, exp, log, tanh, min, max and compare are 1
// FLOP each on each lane; a multiply-add (or fused FMA) is 2; negation, select, conversions, rounding,
// integer ops, loads, stores and index arithmetic are 0. A vec4 operation is 4 lanes. exp is 1 where the
// source calls it as one function (WGSL, Math.exp, np.exp); the WASM kernel's polynomial exp is counted
// op by op (WASM_EXP_FLOPS), since those operations take the SIMD units' time.
// Byte convention: compulsory traffic of storage buffers: every distinct element a dispatch reads
// counted once, every distinct element it writes once (a lower bound on memory traffic, exact when
// caches hold every reuse). Uniform bindings (Dims, Step, W_h of grid_tick_n16) are broadcast reads and
// are counted like storage, once per dispatch that binds a different copy.
// config.backwardPass (a reverse tick after every example, reference.ts reverseTick) is counted where an
// engine runs it, the reference and the fast CPU engine, as kernels named "... (reverse tick)": per
// example the cells tick twice, so flopsPerCellTick (per example / (runs x cells)) is that of both ticks.
// The WebGPU engine and the numpy peer do not run it: gpuCost and numpyCost refuse it.
import type { VsmlConfig } from './config';
import type { LayerShape } from './state';

export const COUNTING =
  'add, sub, mul, div, exp, log, tanh, min/max/compare = 1 FLOP per lane; multiply-add = 2; negation, select, loads, index math = 0; ' +
  'the WASM polynomial exp counted op by op (22)';

/** What one kernel (or one phase of a CPU engine) executes per example, summed over all S runs. */
export interface KernelCost {
  readonly kernel: string;
  /** GPU dispatches of this kernel per example (0 for CPU phases). */
  readonly dispatches: number;
  readonly flops: number;
  readonly bytesRead: number;
  readonly bytesWritten: number;
}

export interface EngineCost {
  /** Which engine's kernels this counts: 'webgpu', 'cpu' (the fast WASM engine), 'reference', 'numpy'. */
  readonly engine: string;
  readonly runs: number;
  /** Cells of one run's grid (sum of A_l * B_l). */
  readonly cells: number;
  readonly kernels: readonly KernelCost[];
  /** Per example, all runs. */
  readonly flopsPerExample: number;
  readonly bytesPerExample: number;
  readonly dispatchesPerExample: number;
  /** Per cell-tick: per example / (runs * cells) (both ticks of a cell with backwardPass). */
  readonly flopsPerCellTick: number;
  readonly bytesPerCellTick: number;
}

/** FLOPs per lane of the WGSL gate nonlinearities and cell update (grid_tick*.wgsl step_quad):
 *  zf + 5, sigmoid (exp, add, div) = 4; zi - 5, sigmoid = 4; tanh_safe(zg) = 2/(1+exp(-2x)) - 1 = 5;
 *  c' = sf * c + si * tg = 3; sigmoid(zo) = 3; tanh_safe(c') = 5; h' = so * t = 1. */
export const WGSL_CELL_UPDATE_FLOPS = 25;
/** The same for the TS reference (Math.tanh = 1): 4 + 1 + 4 + 3 + 3 + 2. */
export const REFERENCE_CELL_UPDATE_FLOPS = 17;
/** The numpy peer (np.tanh = 1, sig = 1/(1+exp(-x))): as the reference. */
export const NUMPY_CELL_UPDATE_FLOPS = 17;
/** readout_error's y_of: m / bound, clamp (2), tanh, bound * t. */
const Y_OF_FLOPS = 5;

const F32 = 4;

function total(engine: string, runs: number, shapes: readonly LayerShape[], kernels: KernelCost[]): EngineCost {
  const cells = shapes.reduce((n, s) => n + s.A * s.B, 0);
  const flopsPerExample = kernels.reduce((n, k) => n + k.flops, 0);
  const bytesPerExample = kernels.reduce((n, k) => n + k.bytesRead + k.bytesWritten, 0);
  return {
    engine,
    runs,
    cells,
    kernels,
    flopsPerExample,
    bytesPerExample,
    dispatchesPerExample: kernels.reduce((n, k) => n + k.dispatches, 0),
    flopsPerCellTick: flopsPerExample / (runs * cells),
    bytesPerCellTick: bytesPerExample / (runs * cells),
  };
}

/** Adds up kernels of the same name (one entry per kernel, in first-seen order). */
function merge(list: readonly KernelCost[]): KernelCost[] {
  const out = new Map<string, KernelCost>();
  for (const k of list) {
    const p = out.get(k.kernel);
    out.set(
      k.kernel,
      p
        ? {
            kernel: k.kernel,
            dispatches: p.dispatches + k.dispatches,
            flops: p.flops + k.flops,
            bytesRead: p.bytesRead + k.bytesRead,
            bytesWritten: p.bytesWritten + k.bytesWritten,
          }
        : k,
    );
  }
  return [...out.values()];
}

export interface GpuCostOptions {
  readonly runs: number;
  /** One V_M per run (the ES case) instead of one shared by all runs. */
  readonly perRunParams: boolean;
  /** The grid kernel in use: grid_tick_n16 when stateSize is 16 (src/gpu/plan.ts), else grid_tick. */
  readonly grid?: 'grid_tick_n16' | 'grid_tick';
  /** Runs per shard (buffer set); every kernel is dispatched once per shard. Default: all runs in one. */
  readonly runsPerShard?: number;
  /** Layer 0 in grid_fused_n16 (src/gpu/plan.ts: the default for N = 16). Default: N === 16. */
  readonly fuseLayer0?: boolean;
}

/**
 * reduce_fwd: per (s, b) N threads add A values of h (4 partial sums: A adds, 3 to combine, 1 divide),
 * then M threads do N multiply-adds from the bias.
 */
function reduceFwd(
  S: number,
  B: number,
  A: number,
  N: number,
  M: number,
  state: number,
  copies: number,
  shards: number,
): KernelCost {
  return {
    kernel: 'reduce_fwd',
    dispatches: shards,
    flops: S * B * (N * (A + 4) + M * N * 2),
    bytesRead: state + copies * (N * M + M) * F32,
    bytesWritten: S * B * M * F32,
  };
}

/**
 * The WebGPU engine's kernels per example (src/gpu/encode.ts shardDispatches), counted from
 * shaders/*.wgsl. Every kernel is one dispatch per shard at any S (grid_tick_n16 reads a run's W_h from
 * storage when each run has its own V_M). Unfused, layer 0's forward input is [x_a, 0, ..., 0] but
 * gate_inputs multiplies all M rows. Fused (grid_fused_n16, N = 16), layer 0 makes U + V per cell from
 * 2 + BWD_DIMS gate rows and runs the micro-ticks; it leaves no message: readout_error (one layer,
 * FROM_STATE) makes the output message from h, or reduce_fwd (more layers) reads h as unfused.
 */
export function gpuCost(cfg: VsmlConfig, shapes: readonly LayerShape[], o: GpuCostOptions): EngineCost {
  if (cfg.backwardPass)
    throw new Error('gpuCost: config.backwardPass is not run by the WebGPU engine (src/gpu/spec.ts refuses it)');
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const MT = cfg.microTicks;
  const S = o.runs;
  const grid = o.grid ?? (N === 16 ? 'grid_tick_n16' : 'grid_tick');
  const fused = (o.fuseLayer0 ?? N === 16) && grid === 'grid_tick_n16';
  const Q = Math.ceil(N / 4);
  const E = 4 * Q; // vec4s per packed gate-matrix row
  const shards = Math.ceil(S / (o.runsPerShard ?? S));
  const copies = o.perRunParams ? S : shards; // parameter sets read per example
  const ks: KernelCost[] = [];
  const A0 = shapes[0].A;
  const K = shapes[shapes.length - 1].B;
  const L = shapes.length;
  const cellUpdate = MT * (2 * N * 4 * N + N * WGSL_CELL_UPDATE_FLOPS); // h W_h and the update, all micro-ticks
  if (!fused) {
    // inject_input: x = inputs[q][t][a] (and streamOfRun[s]); writes M floats per (s, a).
    ks.push({
      kernel: 'inject_input',
      dispatches: shards,
      flops: 0,
      bytesRead: S * (A0 + 1) * F32,
      bytesWritten: S * A0 * M * F32,
    });
  }
  shapes.forEach(({ A, B }, l) => {
    const state = S * A * B * N * F32; // one of h, c
    if (l === 0 && fused) {
      // Per cell: 16 vec4 of U + V = bias + x W[0] + sum_{k < BWD_DIMS} bwd_k W[M + k] (2 + 2 BWD_DIMS per lane),
      // then the micro-ticks. No message is written (see readout_error, or reduce_fwd below).
      const bwdDims = L === 1 ? (cfg.feedLabel ? 2 : 1) : M;
      ks.push({
        kernel: 'grid_fused_n16',
        dispatches: shards,
        flops: S * A * B * (E * 4 * (2 + 2 * bwdDims) + cellUpdate),
        bytesRead: 2 * state + S * (A + 1 + B * bwdDims) * F32 + copies * ((2 + bwdDims) * E + N * E) * 4 * F32,
        bytesWritten: 2 * state,
      });
      if (L > 1) ks.push(reduceFwd(S, B, A, N, M, state, copies, shards));
      return;
    }
    // gate_inputs: per (s, row, vec4 e) M vec4 multiply-adds (U rows from 0; V rows from the bias).
    ks.push({
      kernel: 'gate_inputs',
      dispatches: shards,
      flops: S * (A + B) * E * M * 4 * 2,
      bytesRead: (copies * (2 * M + 1) * E * 4 + S * (A + B) * M) * F32,
      bytesWritten: S * (A + B) * E * 4 * F32,
    });
    const uv = S * (A + B) * E * 4 * F32;
    if (grid === 'grid_tick_n16') {
      // U + V once (16 vec4 adds), then per micro-tick 16 vec4 columns x 16 multiply-adds, and the update.
      ks.push({
        kernel: grid,
        dispatches: shards,
        flops: S * A * B * (4 * N + cellUpdate),
        bytesRead: 2 * state + uv + copies * N * E * 4 * F32,
        bytesWritten: 2 * state,
      });
    } else {
      // U + V inside every micro-tick, padded to E columns; 4Q multiply-adds per lane of each gate vec4.
      const perCell = MT * (E * 4 * (1 + 8 * Q) + E * WGSL_CELL_UPDATE_FLOPS);
      ks.push({
        kernel: grid,
        dispatches: shards,
        flops: S * A * B * perCell,
        bytesRead: 2 * state + uv + copies * E * E * 4 * F32,
        bytesWritten: 2 * state,
      });
    }
    ks.push(reduceFwd(S, B, A, N, M, state, copies, shards));
    if (l > 0) {
      // reduce_bwd: per (s, a) one divide, N x (B adds + 1 multiply), then M x N multiply-adds.
      ks.push({
        kernel: 'reduce_bwd',
        dispatches: shards,
        flops: S * A * (1 + N * (B + 1) + M * N * 2),
        bytesRead: state + copies * (N * M + M) * F32,
        bytesWritten: S * A * M * F32,
      });
    }
  });
  // readout_error: y_of K times (5 each); K - 1 compares; K x (sub, exp, add); log, add, sub; K x (sub, exp,
  // div, sub). FROM_STATE (a fused one-layer net) makes each y_b's message from h first: per j, A adds in
  // 4 partial sums (A adds, 3 to combine), a divide and a multiply-add; it reads layer 0's h (N x K x A).
  const fromState = fused && L === 1;
  const message = fromState ? N * (A0 + 6) : 0;
  ks.push({
    kernel: 'readout_error',
    dispatches: shards,
    flops: S * (K * (message + Y_OF_FLOPS) + (K - 1) + 3 * K + 3 + 4 * K),
    bytesRead: S * (2 + (fromState ? N * K * A0 : K)) * F32 + (fromState ? copies * (N + 1) * F32 : 0),
    bytesWritten: S * (K + 2 + K * M) * F32,
  });
  return total('webgpu', S, shapes, merge(ks));
}

/**
 * The TS reference (src/model/reference.ts tickLayer): per cell and micro-tick the full gate matmul
 * [2M + N] x [4N] from the bias, the update; per cell both messages (N multiply-adds from the bias, and
 * the add into the sums); per layer the two means (one divide per value). Bytes: the state read and
 * written once per micro-tick (h, c as float32), the parameters once per run. With backwardPass the
 * reverse tick runs the same tickLayer on every layer again ("tickLayer (reverse tick)").
 */
export function referenceCost(cfg: VsmlConfig, shapes: readonly LayerShape[], runs: number): EngineCost {
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const MT = cfg.microTicks;
  const perCellStep = (2 * M + N) * 4 * N * 2 + N * REFERENCE_CELL_UPDATE_FLOPS;
  const perCellMessages = 2 * M * (N * 2 + 1);
  const tick = (kernel: string): KernelCost[] =>
    shapes.map(({ A, B }) => ({
      kernel,
      dispatches: 0,
      flops: runs * (A * B * (MT * perCellStep + perCellMessages) + B * M + A * M),
      bytesRead: runs * (MT * 2 * A * B * N + (2 * M + N + 1) * 4 * N + 2 * (N * M + M)) * F32,
      bytesWritten: runs * (MT * 2 * A * B * N + (A + B) * M) * F32,
    }));
  const ks = [...tick('tickLayer'), ...(cfg.backwardPass ? tick('tickLayer (reverse tick)') : [])];
  return total('reference', runs, shapes, merge(ks));
}

/**
 * The numpy peer (scripts/numpy-peer.py, one layer): U = x W[0] (A x 4N multiplies), V = bwd W[M:2M] + b,
 * UV = U + V per cell; per micro-tick z = UV + h W_h and the update; the forward message mean over a then
 * W_f (reduce before project); readout, softmax and the error into bwd. Bytes: state in and out once per
 * micro-tick (numpy's temporaries, several times that, are not counted).
 */
export function numpyCost(cfg: VsmlConfig, shapes: readonly LayerShape[], runs: number): EngineCost {
  if (cfg.backwardPass) throw new Error('numpyCost: config.backwardPass is not run by the numpy peer');
  const N = cfg.stateSize;
  const M = cfg.messageSize;
  const MT = cfg.microTicks;
  const { A, B } = shapes[0];
  const K = B;
  const perRun =
    A * 4 * N +
    B * (M * 4 * N * 2 + 4 * N) +
    A * B * 4 * N +
    A * B * MT * (N * 4 * N * 2 + N * NUMPY_CELL_UPDATE_FLOPS) +
    B * N * A +
    B * M * N * 2 +
    4 * K;
  return total('numpy', runs, shapes, [
    {
      kernel: 'step',
      dispatches: 0,
      flops: runs * perRun,
      bytesRead: runs * MT * 2 * A * B * N * F32,
      bytesWritten: runs * MT * 2 * A * B * N * F32,
    },
  ]);
}

/** FLOPs per lane of the fast CPU engine's exp (wasm/vsml_cpu.ts vexp, Cephes expf): clamp 2, x log2e 1,
 *  two multiply-adds 4, x^2 1, five multiply-adds 10, y z + x 2, + 1 1, x 2^n 1 (rounding, integer ops 0).
 *  Where exp is one instruction (WGSL exp, Math.exp, np.exp) it counts 1; here the polynomial executes. */
export const WASM_EXP_FLOPS = 22;
/** Per lane: sigmoid = exp(-x) + add + div; tanh = x(-2), exp, add, div, sub. */
const WASM_SIGMOID = WASM_EXP_FLOPS + 2;
const WASM_TANH = WASM_EXP_FLOPS + 4;
/**
 * Per state dim and micro-tick: i (shift + sigmoid), g (tanh), f (shift + sigmoid), o, c' = f c + i g (3), h' = o
 * tanh(c') (tanh + 1).
 */
export const WASM_CELL_UPDATE_FLOPS =
  1 + WASM_SIGMOID + WASM_TANH + 1 + WASM_SIGMOID + WASM_SIGMOID + 3 + WASM_TANH + 1;

/**
 * The fast CPU engine (wasm/vsml_cpu.ts, one thread per run range): per example and layer V_b = bias +
 * bwd_b Wv once per b, U_a = fwd_a Wu once per a (layer 0: only row 0, the input); per cell and
 * micro-tick z = U_a + V_b + h Wh and the gates in SIMD (exp as a polynomial); h summed in f64 into
 * the message sums; the messages reduced before projection (f64); readout and error in f64. The state
 * is padded to Np = 4 ceil(N / 4). Bytes: h and c in and out once per example (they stay in L1 over the
 * micro-ticks), inputs, and the packed V_M once per run (one V_M per run) or once (shared).
 * With backwardPass the reverse tick, layers top down: U and V again, the cells again (h summed only
 * for the backward message of layers above 0: no forward messages), those messages, and the run's
 * backward inputs cleared; each tick reads and writes h and c (and V_M) again.
 */
export function cpuCost(
  cfg: VsmlConfig,
  shapes: readonly LayerShape[],
  runs: number,
  perRunParams: boolean,
): EngineCost {
  const Np = 4 * Math.ceil(cfg.stateSize / 4);
  const M = cfg.messageSize;
  const MT = cfg.microTicks;
  const K = shapes[shapes.length - 1].B;
  const perCellTick = MT * (4 * Np + Np * 4 * Np * 2 + Np * WASM_CELL_UPDATE_FLOPS); // the f64 sums of h are added per tick below
  const message = M * (2 * Np + 2); // per row: M x (Np f64 multiply-adds, divide, bias add)
  const packed = ((2 * M + Np + 1) * 4 * Np + 2 * (Np * M + M)) * F32;
  const ks: KernelCost[] = [];
  /** One tick of layer l; `fwd`: with the forward message (and its f64 sums of h: Np adds per cell). */
  const layerTick = ({ A, B }: LayerShape, l: number, fwd: boolean, suffix: string): void => {
    const inRows = l === 0 ? 1 : M;
    const sums = (fwd ? Np : 0) + (l > 0 ? Np : 0);
    const rows = (fwd ? B : 0) + (l > 0 ? A : 0);
    ks.push({
      kernel: `project U, V${suffix}`,
      dispatches: 0,
      flops: runs * (B * 4 * Np * M * 2 + A * 4 * Np * inRows * 2),
      bytesRead: runs * A * (l === 0 ? 1 : 0) * F32,
      bytesWritten: 0,
    });
    ks.push({
      kernel: `rowCells${suffix}`,
      dispatches: 0,
      flops: runs * A * B * (perCellTick + sums),
      bytesRead: runs * 2 * A * B * Np * F32 + (perRunParams ? runs : 1) * packed,
      bytesWritten: runs * 2 * A * B * Np * F32,
    });
    if (rows > 0)
      ks.push({
        kernel: `messages${suffix}`,
        dispatches: 0,
        flops: runs * message * rows,
        bytesRead: 0,
        bytesWritten: runs * rows * M * F32,
      });
  };
  shapes.forEach((shape, l) => layerTick(shape, l, true, ''));
  // Readout (f64): tanh, divide, multiply, compare per class; sub, exp, add; the label's y (3); log, add, sub; error
  // (div, sub).
  ks.push({
    kernel: 'readout',
    dispatches: 0,
    flops: runs * (9 * K + 6),
    bytesRead: 0,
    bytesWritten: runs * (K * M + 2) * F32,
  });
  if (cfg.backwardPass) {
    for (let l = shapes.length - 1; l >= 0; l--) layerTick(shapes[l], l, false, ' (reverse tick)');
    const carried = shapes.reduce((n, s) => n + s.B * M, 0);
    ks.push({
      kernel: 'clear backward inputs',
      dispatches: 0,
      flops: 0,
      bytesRead: 0,
      bytesWritten: runs * carried * F32,
    });
  }
  return total('cpu', runs, shapes, merge(ks));
}

/** Machine peak: GFLOP/s and GB/s where known, with where they come from. */
export interface Peak {
  readonly gflops: number | null;
  readonly gbps: number | null;
  readonly source: string;
}

/** CPU fp32 peak for WASM SIMD: cores x clock x lanes (4 f32 in 128-bit SIMD) x 2 (FMA). */
export function cpuPeak(cores: number, mhz: number, lanes = 4): Peak {
  return {
    gflops: (cores * mhz * lanes * 2) / 1000,
    gbps: null,
    source: `${cores} cores x ${(mhz / 1000).toFixed(2)} GHz x ${lanes} f32 lanes x 2 (FMA)`,
  };
}

/** Known adapters (vendor spec sheets: fp32 without tensor cores, boost clock; memory bandwidth). */
export const KNOWN_GPUS: readonly {
  readonly pattern: RegExp;
  readonly name: string;
  readonly gflops: number;
  readonly gbps: number;
}[] = [
  { pattern: /H200/i, name: 'NVIDIA H200 SXM', gflops: 67_000, gbps: 4_800 },
  { pattern: /H100.*PCIe/i, name: 'NVIDIA H100 PCIe', gflops: 51_000, gbps: 2_000 },
  { pattern: /H100/i, name: 'NVIDIA H100 SXM', gflops: 67_000, gbps: 3_350 },
  { pattern: /A100/i, name: 'NVIDIA A100 (40 GB)', gflops: 19_500, gbps: 1_555 },
  { pattern: /L4\b/i, name: 'NVIDIA L4', gflops: 30_300, gbps: 300 },
  { pattern: /RTX 4090/i, name: 'NVIDIA RTX 4090', gflops: 82_600, gbps: 1_008 },
];

/** The GPU's peak from its adapter description; SwiftShader runs on the CPU, so its peak is the CPU's. */
export function gpuPeak(description: string, cpu: Peak | null): Peak {
  if (/swiftshader/i.test(description)) {
    return cpu
      ? { ...cpu, source: `SwiftShader = the CPU: ${cpu.source}` }
      : { gflops: null, gbps: null, source: 'SwiftShader: CPU peak unknown' };
  }
  const known = KNOWN_GPUS.find((g) => g.pattern.test(description));
  if (!known) return { gflops: null, gbps: null, source: 'peak unknown' };
  return { gflops: known.gflops, gbps: known.gbps, source: `${known.name} spec sheet` };
}

/** Arithmetic intensity (FLOP per byte) of a kernel; Infinity when it moves no bytes. */
export const intensity = (k: Pick<KernelCost, 'flops' | 'bytesRead' | 'bytesWritten'>): number =>
  k.flops / (k.bytesRead + k.bytesWritten);
