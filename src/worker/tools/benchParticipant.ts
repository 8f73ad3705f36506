// The bench worker's contract (bench.worker.ts), and a bench participant over it: the page drives the
// worker through Comlink, the Node driver (src/cli/benchChromium.ts) drives the page's copy of it
// through Playwright. Errors come back as values ({ ok: false, message }).
import type { BenchCase, Segment } from './bench';
import type { BenchParticipant } from './benchSchedule';

/** The JS engines the page can measure: the TS reference, the fast CPU engine, WebGPU. */
export type PageBackend = 'reference' | 'cpu' | 'webgpu';

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface BenchWorkerApi {
  /** Make and warm up `backend`'s engine for the case (replacing its previous one); its description. */
  prepare(backend: PageBackend, c: BenchCase, blockSize: number): Promise<Reply<string>>;
  measure(backend: PageBackend, minSeconds: number): Promise<Reply<Segment>>;
  release(backend: PageBackend): Promise<Reply<true>>;
}

const unwrap = <T>(r: Reply<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.message}`);
  return r.value;
};

/** A participant whose engine lives behind `api` (the worker, or the page seen from Node). */
export function remoteParticipant(environment: string, backend: PageBackend, api: BenchWorkerApi, blockSize: number): BenchParticipant {
  const block = backend === 'reference' ? 1 : blockSize;
  return {
    id: `${environment} ${backend}`,
    environment,
    backend,
    prepare: async (c) => unwrap(await api.prepare(backend, c, block), `${environment} ${backend}`),
    measure: async (s) => unwrap(await api.measure(backend, s), `${environment} ${backend}`),
    release: async () => {
      unwrap(await api.release(backend), `${environment} ${backend}`);
    },
  };
}
