// Where the fast CPU engine puts everything in its WebAssembly memory, computed once from the spec:
// the context block the kernel reads (its word indices mirror wasm/vsml_cpu.ts), each run's packed
// V_M, state and backward inputs, each thread's scratch, and the block region (inputs of the
// streams in use and the results of one chunk of examples). Plain numbers; no memory is touched here.
import type { EngineSpec } from '../model/engine';
import { specShapes } from '../model/engine';
import type { LayerShape } from '../model/state';

/** Context words (i32 index); the same numbers as CTX_* in wasm/vsml_cpu.ts. */
export const CTX = {
  L: 0,
  NP: 1,
  M: 2,
  MT: 3,
  K: 4,
  FEED_LABEL: 5,
  OUTPUT_INDEX: 6,
  RUN_STATE: 7,
  RUN_PARAMS: 8,
  RUN_BWD: 9,
  LAYERS: 10,
  TANH_BOUND: 12, // f64 at words 12..13
  RUN_INPUTS: 14,
  RUN_LABELS: 15,
  STEPS: 16,
  OUTPUTS: 17,
  LOSS: 18,
  CORRECT: 19,
  INPUT_SIZE: 20,
  SCRATCH_U: 21,
  SCRATCH_V: 22,
  SCRATCH_HSUMB: 23,
  SCRATCH_HSUMA: 24,
  SCRATCH_P: 25,
  /** 1 when config.backwardPass: a reverse tick after every example. */
  BACKWARD_PASS: 26,
} as const;
export const CTX_HEADER_WORDS = 32;
/** Per layer: A, B, h offset, c offset, backward-input offset, forward-message offset (in a thread's scratch). */
export const LAYER_WORDS = 6;

/** Bytes below this are left to the module's own data (AssemblyScript's Math tables). */
export const MEMORY_BASE = 64 * 1024;
export const PAGE = 64 * 1024;
/** WebAssembly's 32-bit memory: 65536 pages. */
export const MAX_PAGES = 65536;
/** Inputs of one chunk of examples take at most about this much (a block is run in chunks). */
export const INPUT_CHUNK_BYTES = 16 * 1024 * 1024;

export interface PackedParams {
  /** Offsets in floats inside one packed V_M. */
  readonly wu: number;
  readonly wv: number;
  readonly wh: number;
  readonly bias: number;
  readonly wf: number;
  readonly bf: number;
  readonly wb: number;
  readonly bb: number;
  readonly floats: number;
}

export interface LayerPlace extends LayerShape {
  /** Byte offsets from the run's state base. */
  readonly h: number;
  readonly c: number;
  /** Byte offset of this layer's backward input [B][M] from the run's backward base. */
  readonly bwd: number;
  /**
   * Byte offset of this layer's forward message [B][M] from a thread's scratch: every layer has its own,
   * so the reverse tick of backwardPass finds the forward input each layer had in the forward tick.
   */
  readonly msg: number;
}

export interface CpuLayout {
  readonly N: number;
  /** N rounded up to a multiple of 4. */
  readonly Np: number;
  readonly M: number;
  readonly S: number;
  readonly K: number;
  readonly A: number;
  readonly shapes: readonly LayerShape[];
  readonly layers: readonly LayerPlace[];
  readonly packed: PackedParams;
  readonly ctx: number;
  readonly runStateTable: number;
  readonly runParamsTable: number;
  readonly runBwdTable: number;
  readonly runInputsTable: number;
  readonly runLabelsTable: number;
  readonly layerTable: number;
  /** Packed V_M of run s at params + s * paramBytes (or all runs at params when one is shared). */
  readonly params: number;
  readonly paramBytes: number;
  readonly states: number;
  readonly stateBytes: number;
  readonly bwd: number;
  readonly bwdBytes: number;
  readonly scratch: number;
  readonly scratchBytes: number;
  /**
   * Scratch offsets (bytes from a thread's scratch) of U, V, hsumB, hsumA, p (the layers' forward messages follow:
   * LayerPlace.msg).
   */
  readonly scratchParts: readonly [number, number, number, number, number];
  /** Examples per chunk. */
  readonly chunkSteps: number;
  /** [S][chunkSteps][A] f32: the chunk's inputs, one slot per stream in use. */
  readonly inputs: number;
  /** [S][chunkSteps] i32. */
  readonly labels: number;
  readonly outputs: number;
  readonly loss: number;
  readonly correct: number;
  readonly bytes: number;
  readonly pages: number;
  readonly threads: number;
}

const align16 = (n: number): number => Math.ceil(n / 16) * 16;

export function packedParams(Np: number, M: number): PackedParams {
  const G = 4 * Np;
  let at = 0;
  const take = (n: number): number => {
    const o = at;
    at += n;
    return o;
  };
  const wu = take(M * G);
  const wv = take(M * G);
  const wh = take(Np * G);
  const bias = take(G);
  const wf = take(Np * M);
  const bf = take(M);
  const wb = take(Np * M);
  const bb = take(M);
  return { wu, wv, wh, bias, wf, bf, wb, bb, floats: Math.ceil(at / 4) * 4 };
}

/**
 * The memory plan of an engine for `spec` run by `threads` threads, with about `chunkBytes` of inputs per
 * chunk of examples; throws (naming runs and grid) past 4 GiB.
 */
export function cpuLayout(spec: EngineSpec, threads: number, chunkBytes = INPUT_CHUNK_BYTES): CpuLayout {
  const { config, runs: S, inputSize: A, numClasses: K } = spec;
  const N = config.stateSize;
  const M = config.messageSize;
  const Np = Math.ceil(N / 4) * 4;
  const shapes = specShapes(spec);
  const L = shapes.length;
  const Bmax = Math.max(...shapes.map((s) => s.B));

  const parts: number[] = [];
  let scratchBytes = align16(4 * Np * 4); // z
  for (const bytes of [4 * Np * 4, Bmax * 4 * Np * 4, Bmax * Np * 8, Np * 8, K * 8]) {
    parts.push(scratchBytes);
    scratchBytes += align16(bytes);
  }

  let stateBytes = 0;
  let bwdBytes = 0;
  const layers = shapes.map(({ A: a, B: b }) => {
    const cells = a * b * Np * 4;
    const place = { A: a, B: b, h: stateBytes, c: stateBytes + cells, bwd: bwdBytes, msg: scratchBytes };
    stateBytes += 2 * cells;
    bwdBytes += align16(b * M * 4);
    scratchBytes += align16(b * M * 4);
    return place;
  });
  const packed = packedParams(Np, M);
  const paramBytes = packed.floats * 4;

  const chunkSteps = Math.max(1, Math.floor(chunkBytes / (S * A * 4)));
  let at = MEMORY_BASE;
  const take = (bytes: number): number => {
    const o = at;
    at += align16(bytes);
    return o;
  };
  const ctx = take(CTX_HEADER_WORDS * 4);
  const runStateTable = take(S * 4);
  const runParamsTable = take(S * 4);
  const runBwdTable = take(S * 4);
  const runInputsTable = take(S * 4);
  const runLabelsTable = take(S * 4);
  const layerTable = take(L * LAYER_WORDS * 4);
  const params = take(S * paramBytes);
  const states = take(S * stateBytes);
  const bwd = take(S * bwdBytes);
  const scratch = take(threads * scratchBytes);
  const inputs = take(S * chunkSteps * A * 4);
  const labels = take(S * chunkSteps * 4);
  const outputs = take(S * chunkSteps * K * 4);
  const loss = take(S * chunkSteps * 4);
  const correct = take(S * chunkSteps);
  const bytes = at;
  const pages = Math.ceil(bytes / PAGE);
  if (pages > MAX_PAGES) {
    const grid = [A, ...config.hiddenSizes, K].join('x');
    throw new Error(
      `fast CPU engine: runs (${S}) of the grid ${grid} (N ${N}) need ${(bytes / 2 ** 30).toFixed(2)} GiB of memory, ` +
        `above WebAssembly's 4 GiB; use fewer runs per engine`,
    );
  }
  return {
    N,
    Np,
    M,
    S,
    K,
    A,
    shapes,
    layers,
    packed,
    ctx,
    runStateTable,
    runParamsTable,
    runBwdTable,
    runInputsTable,
    runLabelsTable,
    layerTable,
    params,
    paramBytes,
    states,
    stateBytes,
    bwd,
    bwdBytes,
    scratch,
    scratchBytes,
    scratchParts: parts as unknown as CpuLayout['scratchParts'],
    chunkSteps,
    inputs,
    labels,
    outputs,
    loss,
    correct,
    bytes,
    pages,
    threads,
  };
}
