// The benchmark's rows and table: from the interleaved rounds (benchSchedule.ts) to cell-ticks/s
// (median over rounds), executed GFLOP/s and GB/s (src/model/costModel.ts) beside the machine's
// peaks, the reference-equation model's GFLOP/s (src/model/flops.ts, labelled as such), and ratios to
// the TS reference and to the numpy peer taken within each round (median and range over rounds).
import {
  COUNTING,
  cpuCost,
  gpuCost,
  intensity,
  numpyCost,
  referenceCost,
  gpuPeak,
  type EngineCost,
  type Peak,
} from '../../model/costModel';
import { flopModel } from '../../model/flops';
import { specShapes } from '../../model/engine';
import { caseLabel, mnistSpec, type BenchCase } from './bench';
import type { CaseResult, ParticipantResult } from './benchSchedule';

export interface Ratio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Rounds in which both sides were measured. */
  readonly rounds: number;
}

export interface BenchRow {
  readonly case: BenchCase;
  readonly id: string;
  readonly environment: string;
  readonly backend: string;
  readonly description: string;
  /** Cell-ticks/s of each round (null: not measured in that round). */
  readonly perRound: (number | null)[];
  readonly examples: number;
  readonly seconds: number;
  /** Median over measured rounds (0 when none). */
  readonly cellTicksPerSecond: number;
  /** From the executed cost model, null where the engine's kernels are not modelled. */
  readonly executedGflops: number | null;
  readonly gbps: number | null;
  readonly peak: Peak;
  /** From the reference-equation model (flops.ts), the same FLOPs for every engine. */
  readonly referenceModelGflops: number;
  readonly vsReference: Ratio | null;
  readonly vsNumpy: Ratio | null;
  readonly error: string | null;
}

/** What each backend executes per example for a case (null: not modelled). */
export type CostOf = (backend: string, c: BenchCase) => EngineCost | null;

/** The cost models of src/model/costModel.ts for the MNIST grid. */
export function mnistCosts(): CostOf {
  return (backend, c) => {
    const spec = mnistSpec(c.runs);
    const shapes = specShapes(spec);
    if (backend === 'webgpu') return gpuCost(spec.config, shapes, { runs: c.runs, perRunParams: c.vm === 'per-run' });
    if (backend === 'reference') return referenceCost(spec.config, shapes, c.runs);
    if (backend === 'numpy') return numpyCost(spec.config, shapes, c.runs);
    if (backend === 'cpu') return cpuCost(spec.config, shapes, c.runs, c.vm === 'per-run');
    return null;
  };
}

/** The peak a participant's numbers are compared with: the GPU's for WebGPU, the CPU's otherwise. */
export function peakOf(backend: string, description: string, cpu: Peak | null): Peak {
  if (backend === 'webgpu') return gpuPeak(description, cpu);
  return cpu ?? { gflops: null, gbps: null, source: 'CPU peak unknown' };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Ratios a / b of the rounds where both were measured. */
export function roundRatio(a: readonly (number | null)[], b: readonly (number | null)[]): Ratio | null {
  const rs: number[] = [];
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x !== null && y !== null && y !== undefined && y > 0) rs.push(x / y);
  }
  if (!rs.length) return null;
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs), rounds: rs.length };
}

/** The rows of one case, in participant order. */
export function caseRows(result: CaseResult, costOf: CostOf, cpu: Peak | null): BenchRow[] {
  const c = result.case;
  const cells = specShapes(mnistSpec(c.runs)).reduce((n, s) => n + s.A * s.B, 0);
  const refFlops = flopModel(mnistSpec(1).config, specShapes(mnistSpec(1))).perCellTick;
  const rates = (p: ParticipantResult) => p.segments.map((s) => (s ? (s.examples * c.runs * cells) / s.seconds : null));
  const measured = (p: ParticipantResult) => p.segments.some((s) => s !== null);
  const anchor = (backend: string, env: string) =>
    result.participants.find((p) => p.backend === backend && p.environment === env && measured(p)) ??
    result.participants.find((p) => p.backend === backend && measured(p));
  return result.participants.map((p) => {
    const perRound = rates(p);
    const rounds = perRound.filter((x): x is number => x !== null);
    const ctps = median(rounds);
    const cost = costOf(p.backend, c);
    const ref = p.backend === 'reference' ? undefined : anchor('reference', p.environment);
    const np = p.backend === 'numpy' ? undefined : anchor('numpy', p.environment);
    return {
      case: c,
      id: p.id,
      environment: p.environment,
      backend: p.backend,
      description: p.description,
      perRound,
      examples: p.segments.reduce((n, s) => n + (s?.examples ?? 0), 0),
      seconds: p.segments.reduce((n, s) => n + (s?.seconds ?? 0), 0),
      cellTicksPerSecond: ctps,
      executedGflops: cost && rounds.length ? (ctps * cost.flopsPerCellTick) / 1e9 : null,
      gbps: cost && rounds.length ? (ctps * cost.bytesPerCellTick) / 1e9 : null,
      peak: peakOf(p.backend, p.description, cpu),
      referenceModelGflops: (ctps * refFlops) / 1e9,
      vsReference: ref ? roundRatio(perRound, rates(ref)) : null,
      vsNumpy: np ? roundRatio(perRound, rates(np)) : null,
      error: p.error,
    };
  });
}

const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2));
const ratio = (r: Ratio | null): string =>
  r === null ? '-' : r.rounds > 1 ? `${num(r.median)}x (${num(r.min)}-${num(r.max)})` : `${num(r.median)}x`;
const pct = (x: number | null, peak: number | null): string =>
  x === null || !peak ? '-' : `${((100 * x) / peak).toPrecision(2)}%`;

function columns(header: string[], lines: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const pad = (cols: string[]) =>
    cols
      .map((x, i) => x.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [pad(header), pad(widths.map((w) => '-'.repeat(w))), ...lines.map(pad)];
}

/** The speed table: one line per (case, participant). */
export function formatRows(rows: readonly BenchRow[]): string[] {
  const header = [
    'case',
    'engine',
    'rounds',
    'cell-ticks/s',
    'exec GFLOP/s',
    '% peak',
    'GB/s',
    'ref-model GFLOP/s',
    'vs reference',
    'vs numpy',
  ];
  const lines = rows.map((r) => {
    const rounds = `${r.perRound.filter((x) => x !== null).length}/${r.perRound.length}`;
    if (r.error && r.cellTicksPerSecond === 0)
      return [caseLabel(r.case), r.id, rounds, `not run: ${r.error}`, '', '', '', '', '', ''];
    return [
      caseLabel(r.case),
      r.id,
      rounds,
      r.cellTicksPerSecond.toExponential(2),
      r.executedGflops === null ? 'n/a' : num(r.executedGflops),
      pct(r.executedGflops, r.peak.gflops),
      r.gbps === null ? 'n/a' : num(r.gbps),
      num(r.referenceModelGflops),
      ratio(r.vsReference),
      ratio(r.vsNumpy),
    ];
  });
  return columns(header, lines);
}

/** Per-kernel executed cost of one engine for one case: FLOP and bytes per cell-tick, intensity, dispatches. */
export function formatKernels(cost: EngineCost, c: BenchCase): string[] {
  const ct = cost.runs * cost.cells;
  const lines = cost.kernels.map((k) => [
    k.kernel,
    k.dispatches ? String(k.dispatches) : '-',
    (k.flops / ct).toFixed(1),
    ((k.bytesRead + k.bytesWritten) / ct).toFixed(1),
    k.bytesRead + k.bytesWritten ? intensity(k).toFixed(2) : '-',
    `${((100 * k.flops) / cost.flopsPerExample).toFixed(1)}%`,
  ]);
  lines.push([
    'total',
    cost.dispatchesPerExample ? String(cost.dispatchesPerExample) : '-',
    cost.flopsPerCellTick.toFixed(1),
    cost.bytesPerCellTick.toFixed(1),
    (cost.flopsPerCellTick / cost.bytesPerCellTick).toFixed(2),
    '100%',
  ]);
  return [
    `${cost.engine}, ${caseLabel(c)}:`,
    ...columns(
      ['kernel', 'dispatches/example', 'FLOP/cell-tick', 'bytes/cell-tick', 'FLOP/byte', 'share of FLOPs'],
      lines,
    ).map((l) => `  ${l}`),
  ];
}

/** The whole report: speed table, what ran where, peaks, and the cost models. */
export function formatBench(rows: readonly BenchRow[], costOf: CostOf, cpu: Peak | null): string {
  const out = [
    'Interleaved engine benchmark, MNIST grid (784 x 10 cells, N 16, M 8, 2 micro-ticks); medians over rounds,',
    'ratios per round (median and range):',
    '',
    ...formatRows(rows),
  ];
  const described = [
    ...new Map(
      rows
        .filter((r) => r.description)
        .map((r) => [
          r.id,
          `  ${r.id}: ${r.description}; peak ${r.peak.gflops === null ? 'unknown' : `${num(r.peak.gflops)} GFLOP/s`}${r.peak.gbps ? `, ${num(r.peak.gbps)} GB/s` : ''} (${r.peak.source})`,
        ]),
    ).values(),
  ];
  out.push('', 'measured on:', ...described);
  if (cpu)
    out.push(
      `  CPU peak: ${cpu.gflops?.toFixed(1)} GFLOP/s fp32 (${cpu.source}); numpy's BLAS may use wider SIMD than WASM's 4 lanes`,
    );
  const cases = [...new Map(rows.map((r) => [caseLabel(r.case), r.case])).values()];
  const biggest = (backend: string, vm: string) =>
    cases
      .filter((c) => c.vm === vm && rows.some((r) => r.backend === backend && caseLabel(r.case) === caseLabel(c)))
      .sort((a, b) => b.runs - a.runs)[0];
  const shown: [string, BenchCase][] = [];
  for (const backend of ['webgpu', 'cpu']) {
    for (const vm of ['shared', 'per-run']) {
      const c = biggest(backend, vm);
      if (c) shown.push([backend, c]);
    }
  }
  if (shown.length)
    out.push('', `Executed cost per kernel (src/model/costModel.ts; ${COUNTING}; bytes = compulsory traffic):`);
  for (const [backend, c] of shown) {
    const cost = costOf(backend, c);
    if (cost) out.push(...formatKernels(cost, c));
  }
  const perCell = (backend: string) => {
    const cost = costOf(backend, cases[0] ?? { runs: 1, vm: 'shared' });
    return cost ? `${backend} ${cost.flopsPerCellTick.toFixed(0)}` : null;
  };
  const executed = ['reference', 'cpu', 'webgpu', 'numpy'].map(perCell).filter((s) => s !== null);
  const spec = mnistSpec(1);
  out.push(
    '',
    `executed FLOP per cell-tick: ${executed.join(', ')}${perCell('cpu') === null ? ' (cpu: not modelled)' : ''}`,
    `reference-equation model (src/model/flops.ts, "ref-model GFLOP/s"): ${flopModel(spec.config, specShapes(spec)).formula}`,
    'A cell-tick is one sub-RNN advancing one example (microTicks LSTM steps and its messages).',
  );
  return out.join('\n');
}
