// The benchmark page. With ?drive=1 it only starts the bench worker and leaves it on
// `window.vsmlBenchControl` for the Node driver (src/cli/benchChromium.ts), which interleaves it with
// the Node engines and the numpy peer. Otherwise the worker runs its own interleaved benchmark of the
// engines in `backends` (BenchWorkerApi.runPage) and the page shows the table (rows also on
// `window.vsmlBench`).
import * as Comlink from 'comlink';
import type {
  BenchReply,
  BenchRow,
  BenchWorkerApi,
  PageBackend,
  PageBenchResult,
  VmSharing,
} from '../worker/tools/contract';
import { errorMessage } from '../model/result';

declare global {
  interface Window {
    vsmlBench?: { readonly ok: true; readonly rows: BenchRow[] } | { readonly ok: false; readonly message: string };
    vsmlBenchControl?: Comlink.Remote<BenchWorkerApi>;
  }
}

const params = new URLSearchParams(location.search);
const list = (key: string, fallback: string) => (params.get(key) ?? fallback).split(',').filter(Boolean);
const out = document.querySelector<HTMLPreElement>('[data-testid="bench-output"]')!;
const worker = Comlink.wrap<BenchWorkerApi>(
  new Worker(new URL('../worker/tools/bench.worker.ts', import.meta.url), { type: 'module' }),
);

if (params.get('drive') === '1') {
  window.vsmlBenchControl = worker;
  out.textContent = 'driven by npm run bench';
} else {
  // A refusal comes back as a value; a worker that fails to load or dies rejects, and says so the same way.
  const reply: BenchReply<PageBenchResult> = await worker
    .runPage(
      {
        runs: list('runs', '1,8,64').map(Number),
        vm: list('vm', 'shared,per-run').map((vm): VmSharing => (vm === 'per-run' ? 'per-run' : 'shared')),
        backends: list('backends', 'reference,cpu,webgpu') as PageBackend[],
        rounds: Number(params.get('rounds') ?? 3),
        minSeconds: Number(params.get('minSeconds') ?? 2),
        blockSize: Number(params.get('blockSize') ?? 8),
      },
      Comlink.proxy((line: string) => void (out.textContent = line)),
    )
    .catch((e: unknown) => ({ ok: false, message: errorMessage(e) }));
  if (reply.ok) {
    out.textContent = reply.value.table;
    window.vsmlBench = { ok: true, rows: reply.value.rows };
  } else {
    out.textContent = `benchmark failed: ${reply.message}`;
    window.vsmlBench = { ok: false, message: reply.message };
  }
}
