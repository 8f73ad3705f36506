// A bench participant over the bench worker's engine contract (contract.ts: BenchEngineApi): the worker drives
// its own engines for the bench page (pageBench.ts), the Node driver (src/cli/benchChromium.ts) drives the
// page's worker through Playwright. Errors come back as values ({ ok: false, message }) and are thrown here
// with who said them.
import type { BenchEngineApi, BenchReply, PageBackend } from './contract';
import type { BenchParticipant } from './benchSchedule';

export type { BenchEngineApi, PageBackend } from './contract';

const unwrap = <T>(r: BenchReply<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.message}`);
  return r.value;
};

/** A participant whose engine lives behind `api` (the worker, or the page seen from Node). */
export function remoteParticipant(
  environment: string,
  backend: PageBackend,
  api: BenchEngineApi,
  blockSize: number,
): BenchParticipant {
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
