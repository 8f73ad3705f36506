// The contracts of the two tool pages' workers, types only, so the pages import them without the
// workers' code: the bench worker (bench.worker.ts: prepare, measure and release one engine at a time,
// driven by benchParticipant.ts from the Node driver; or the bench page's whole interleaved run,
// pageBench.ts) and the engine check worker (engineCheck.worker.ts: the fast CPU and WebGPU engines
// against the CPU reference). Errors come back as values ({ ok: false, message }).
import type { Reply } from '../../model/result';
import type { BenchCase, Segment, VmSharing } from './bench';
import type { BenchRow } from './benchTable';
import type { EngineCheckReport } from './engineCheck';

export type { BenchCase, Segment, VmSharing } from './bench';
export type { BenchRow } from './benchTable';
export type { EngineCheckReport } from './engineCheck';

/** The JS engines the page can measure: the TS reference, the fast CPU engine, WebGPU. */
export type PageBackend = 'reference' | 'cpu' | 'webgpu';

/** A bench worker's answer: the value, or why not. */
export type BenchReply<T> = Reply<{ readonly value: T }>;

/** The bench page's own run (its URL parameters): each S of `runs` with each V_M sharing of `vm`. */
export interface PageBenchRequest {
  readonly runs: readonly number[];
  readonly vm: readonly VmSharing[];
  readonly backends: readonly PageBackend[];
  readonly rounds: number;
  readonly minSeconds: number;
  /** Examples per block (the reference always runs blocks of 1). */
  readonly blockSize: number;
}

/** The rows (one per case and engine) and the table the page shows. */
export interface PageBenchResult {
  readonly rows: BenchRow[];
  readonly table: string;
}

/** The page's engines one at a time, as the Node driver interleaves them with its own (benchParticipant.ts). */
export interface BenchEngineApi {
  /** Make and warm up `backend`'s engine for the case (replacing its previous one); its description. */
  prepare(backend: PageBackend, c: BenchCase, blockSize: number): Promise<BenchReply<string>>;
  measure(backend: PageBackend, minSeconds: number): Promise<BenchReply<Segment>>;
  release(backend: PageBackend): Promise<BenchReply<true>>;
}

export interface BenchWorkerApi extends BenchEngineApi {
  /** The bench page's whole interleaved run in the worker (pageBench.ts); `progress` hears each case start. */
  runPage(request: PageBenchRequest, progress: (line: string) => void): Promise<BenchReply<PageBenchResult>>;
}

/** The engine check worker's answer: the report, or why the check could not run. */
export type EngineCheckReply = Reply<{ readonly report: EngineCheckReport }>;

export interface EngineCheckApi {
  run(seed: number): Promise<EngineCheckReply>;
}
