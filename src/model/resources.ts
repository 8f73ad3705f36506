// The memory a request needs, counted before anything is allocated: each part (VSML state, V_M,
// examples, streams, baselines, projections, outputs) as a product of the request's sizes, named by
// the field that makes it large, so a refusal can say which field, how much, and by how much it is
// over the limit. Pure arithmetic: the callers (CLI commands, the studio and trainer workers) add
// the parts they allocate and pick the limit (a share of the machine's memory; docs/ARCHITECTURE.md).
import { BASELINES, type BaselineName } from './baselines/kinds';
import { mlpLayout } from './baselines/mlpLayout';
import { layerSizes, type VsmlConfig } from './config';
import { paramLayout } from './layout';
import { fail, ok, type Result } from './result';
import { layerShapes } from './state';

/** Bytes per float32 value. */
export const F32 = 4;
/** Bytes per float64 value. */
export const F64 = 8;

/** The longest typed array V8 makes (Node 20, Chromium): 2^32 elements; longer throws "Invalid typed array length". */
export const MAX_ARRAY_LENGTH = 2 ** 32;

const GIB = 1024 ** 3;

export interface MemoryItem {
  /**
   * Who to blame, as the caller names it: a flag ("--runs"), a URL key ("S and resize"), a file field ("C.json:
   * model.hiddenSizes").
   */
  readonly field: string;
  /** What the bytes hold, e.g. "VSML state h and c". */
  readonly what: string;
  /** How the size comes about, e.g. "2 copies x 4096 runs x 7840 cells x 32 floats x 4 bytes". */
  readonly formula: string;
  readonly bytes: number;
  /** Elements of the longest single typed array of this part. */
  readonly longestArray: number;
  /** How that array's length comes about (default: the formula without its bytes). */
  readonly arrayFormula?: string;
}

/** One factor of a product: its value and a word for it ("runs", "cells"); a bare number when the word is empty. */
export type Factor = readonly [value: number, unit: string];

const SINGULAR: Readonly<Record<string, string>> = {
  classes: 'class',
  matrices: 'matrix',
  copies: 'copy',
  trajectories: 'trajectory',
};
const singular = (unit: string): string => SINGULAR[unit] ?? (unit.endsWith('s') ? unit.slice(0, -1) : unit);

/** "4096 runs", "1 run". */
const factorText = ([v, unit]: Factor): string => (!unit ? String(v) : `${v} ${v === 1 ? singular(unit) : unit}`);

/**
 * A part whose size is the product of `factors` (the last usually "4 bytes"). `longestArray` defaults to the product
 * without the bytes.
 */
export function productItem(
  field: string,
  what: string,
  factors: readonly Factor[],
  longestArray?: number,
  arrayFormula?: string,
): MemoryItem {
  const bytes = factors.reduce((p, [v]) => p * v, 1);
  const formula = factors.map(factorText).join(' x ');
  return { field, what, formula, bytes, longestArray: longestArray ?? 0, ...(arrayFormula ? { arrayFormula } : {}) };
}

/** "15.3 GiB", "512.0 MiB", "12.0 KiB", "100 bytes". */
export function formatMemory(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 4, 'TiB'],
    [GIB, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${(bytes / size).toFixed(1)} ${unit}`;
  return `${Math.round(bytes)} bytes`;
}

/** A memory size as the --max-memory flag takes it: "32GiB", "512 MiB", "1.5TiB", "8GB" (= GiB), or plain bytes. */
export function parseMemorySize(text: string): Result<number> {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\s*$/i.exec(text);
  const power: Record<string, number> = { b: 0, k: 1, m: 2, g: 3, t: 4 };
  const bytes = m ? Number(m[1]) * 1024 ** power[(m[2] ?? 'b')[0].toLowerCase()] : NaN;
  if (!(bytes >= 1) || !Number.isFinite(bytes)) {
    return fail(
      'usage',
      '',
      `must be a size such as 8GiB, 512MiB or 1.5TiB (KiB, MiB, GiB, TiB; KB, MB, GB, TB read as the same), got ${JSON.stringify(text)}`,
    );
  }
  return ok(Math.floor(bytes));
}

/** The limit a request is checked against, and how a person raises it. */
export interface MemoryLimit {
  readonly bytes: number;
  /** Where the number comes from, e.g. "a quarter of this machine's 23.5 GiB". */
  readonly source: string;
  /** How to raise it, e.g. "raise it with --max-memory". */
  readonly raise: string;
}

/** The share of a machine's memory one request may take by default: a quarter. */
export const DEFAULT_MEMORY_SHARE = 0.25;

/** A quarter of `totalBytes` (os.totalmem() in Node, navigator.deviceMemory in a browser). */
export function machineMemoryLimit(totalBytes: number, raise: string, what = "this machine's"): MemoryLimit {
  return {
    bytes: Math.floor(totalBytes * DEFAULT_MEMORY_SHARE),
    source: `a quarter of ${what} ${formatMemory(totalBytes)}`,
    raise,
  };
}

export interface MemoryEstimate {
  /** Largest first. */
  readonly items: readonly MemoryItem[];
  readonly total: number;
}

export function estimateOf(items: readonly MemoryItem[]): MemoryEstimate {
  const sorted = items.filter((i) => i.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  return { items: sorted, total: sorted.reduce((s, i) => s + i.bytes, 0) };
}

/** Why a request cannot run: the field to blame and the reason (formatFieldError style: "field: message"). */
export interface MemoryRefusal {
  readonly field: string;
  readonly message: string;
}

/**
 * Why the request cannot run, or null when it fits: over the limit (the largest part named, with its
 * product, and the excess), or one array longer than a typed array can be (no limit raises that).
 */
export function memoryRefusal(estimate: MemoryEstimate, limit: MemoryLimit): MemoryRefusal | null {
  const { items, total } = estimate;
  if (total > limit.bytes && items.length > 0) {
    const top = items[0];
    const inAll = items.length > 1 ? ` (${formatMemory(total)} in all)` : '';
    return {
      field: top.field,
      message: `${top.what} needs ${top.formula} = ${formatMemory(top.bytes)}${inAll}, over the ${formatMemory(limit.bytes)} limit (${limit.source}) by ${formatMemory(total - limit.bytes)}; ${limit.raise}`,
    };
  }
  const long = items.find((i) => i.longestArray > MAX_ARRAY_LENGTH);
  if (long) {
    const how = long.arrayFormula ?? long.formula.replace(/ x \d+ bytes?$/, '');
    return {
      field: long.field,
      message: `${long.what} needs one array of ${long.longestArray} values (${how}), more than the ${MAX_ARRAY_LENGTH} a typed array can hold`,
    };
  }
  return null;
}

/** "field: message". */
export const formatRefusal = (r: MemoryRefusal): string => `${r.field}: ${r.message}`;

/** Cells of a VSML network on [A, ...hiddenSizes, K]: sum over layers of A_l B_l, and the largest layer's. */
export function gridCells(
  config: VsmlConfig,
  inputSize: number,
  numClasses: number,
): { total: number; largest: number } {
  const shapes = layerShapes(layerSizes(config, inputSize, numClasses));
  let total = 0;
  let largest = 0;
  for (const { A, B } of shapes) {
    total += A * B;
    largest = Math.max(largest, A * B);
  }
  return { total, largest };
}

/** What a VSML engine request is: the grid of `config` on A inputs and K classes, S runs. */
export interface EngineRequest {
  readonly config: VsmlConfig;
  readonly inputSize: number;
  readonly numClasses: number;
  readonly runs: number;
  /** One V_M per run (ES populations) rather than one shared. */
  readonly paramsPerRun?: boolean;
}

/**
 * The state h and c of every run (`copies` of it alive at once: the initial states drawn and the
 * engine's own), and V_M. Messages between layers are small beside the cells and left out.
 */
export function engineItems(field: string, r: EngineRequest, copies: number, whose = 'VSML'): MemoryItem[] {
  const cells = gridCells(r.config, r.inputSize, r.numClasses);
  const N = r.config.stateSize;
  const copiesFactor: Factor[] = copies > 1 ? [[copies, 'copies']] : [];
  const state = productItem(
    field,
    `${whose} state h and c`,
    [...copiesFactor, [r.runs, 'runs'], [cells.total, 'cells'], [2 * N, 'floats'], [F32, 'bytes']],
    cells.largest * N,
    `one layer of one run: ${cells.largest} cells x ${N} floats`,
  );
  const sets = r.paramsPerRun ? r.runs : 1;
  const params = productItem(field, `${whose} V_M`, [
    [sets, 'sets'],
    [paramLayout(r.config).size, 'values'],
    [F32, 'bytes'],
  ]);
  return [state, params];
}

/** The grid a state's size is measured against when naming the data: MNIST's 784 x 10. */
const REFERENCE_CELLS = 784 * 10;

/**
 * Which request fields make a VSML state large, most to blame first: each of the runs (against
 * their default), the hidden layers (cells with them against without) and the data (A K against
 * MNIST's 784 x 10) that is over its reference; when none is, the one nearest to it.
 */
export function stateField(
  names: { runs: string; hidden: string; data: string },
  r: Pick<EngineRequest, 'config' | 'inputSize' | 'numClasses' | 'runs'>,
  defaultRuns: number,
): string {
  const cells = gridCells(r.config, r.inputSize, r.numClasses).total;
  const ratios: [string, number][] = [
    [names.runs, r.runs / defaultRuns],
    [names.hidden, cells / (r.inputSize * r.numClasses)],
    [names.data, (r.inputSize * r.numClasses) / REFERENCE_CELLS],
  ];
  ratios.sort((a, b) => b[1] - a[1]);
  const over = ratios.filter(([, x]) => x > 1);
  return (over.length ? over : ratios.slice(0, 1)).map(([n]) => n).join(' and ');
}

/** The weights of R runs of a baseline on A inputs and K classes, with Adam's two moments when it uses Adam. */
export function baselineItem(
  field: string,
  name: BaselineName,
  inputSize: number,
  numClasses: number,
  runs: number,
): MemoryItem {
  const spec = BASELINES[name];
  const copies = spec.optimizer.kind === 'adam' ? 3 : 1;
  const size = mlpLayout([inputSize, ...spec.hidden, numClasses]).size;
  const factors: Factor[] = [
    [runs, 'runs'],
    [size, 'weights'],
    ...(copies > 1 ? [[copies, 'copies'] as Factor] : []),
    [F32, 'bytes'],
  ];
  return productItem(field, `${name} weights${copies > 1 ? ' and Adam moments' : ''}`, factors, runs * size);
}
