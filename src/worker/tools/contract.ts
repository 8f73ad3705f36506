// The contracts of the two tool pages' workers, types only, so the pages import them without the
// workers' code: the bench worker (bench.worker.ts: prepare, measure and release one engine at a time,
// driven by benchParticipant.ts) and the engine check worker (engineCheck.worker.ts: the fast CPU and
// WebGPU engines against the CPU reference). Errors come back as values ({ ok: false, message }).
import type { Reply } from '../../model/result';
import type { BenchCase, Segment } from './bench';
import type { EngineCheckReport } from './engineCheck';

export type { BenchCase, Segment } from './bench';
export type { EngineCheckReport } from './engineCheck';

/** The JS engines the page can measure: the TS reference, the fast CPU engine, WebGPU. */
export type PageBackend = 'reference' | 'cpu' | 'webgpu';

/** A bench worker's answer: the value, or why not. */
export type BenchReply<T> = Reply<{ readonly value: T }>;

export interface BenchWorkerApi {
  /** Make and warm up `backend`'s engine for the case (replacing its previous one); its description. */
  prepare(backend: PageBackend, c: BenchCase, blockSize: number): Promise<BenchReply<string>>;
  measure(backend: PageBackend, minSeconds: number): Promise<BenchReply<Segment>>;
  release(backend: PageBackend): Promise<BenchReply<true>>;
}

/** The engine check worker's answer: the report, or why the check could not run. */
export type EngineCheckReply = Reply<{ readonly report: EngineCheckReport }>;

export interface EngineCheckApi {
  run(seed: number): Promise<EngineCheckReply>;
}
