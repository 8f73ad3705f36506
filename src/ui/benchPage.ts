// The benchmark page. With ?drive=1 it only starts the bench worker and leaves it on
// `window.vsmlBenchControl` for the Node driver (src/cli/benchChromium.ts), which interleaves it with
// the Node engines and the numpy peer. Otherwise it runs its own interleaved benchmark of the engines
// in `backends` and shows the table (rows also on `window.vsmlBench`).
import * as Comlink from 'comlink';
import type { BenchCase, BenchWorkerApi, PageBackend } from '../worker/tools/contract';
import { remoteParticipant } from '../worker/tools/benchParticipant';
import { runCase } from '../worker/tools/benchSchedule';
import { caseRows, formatBench, mnistCosts, type BenchRow } from '../worker/tools/benchTable';
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
  const blockSize = Number(params.get('blockSize') ?? 8);
  const rounds = Number(params.get('rounds') ?? 3);
  const minSeconds = Number(params.get('minSeconds') ?? 2);
  const backends = list('backends', 'reference,cpu,webgpu') as PageBackend[];
  const participants = backends.map((b) => remoteParticipant('chromium', b, worker, blockSize));
  const cases: BenchCase[] = [];
  for (const runs of list('runs', '1,8,64').map(Number)) {
    for (const vm of list('vm', 'shared,per-run'))
      if (vm === 'shared' || runs > 1) cases.push({ runs, vm: vm === 'per-run' ? 'per-run' : 'shared' });
  }
  try {
    const rows: BenchRow[] = [];
    for (const c of cases) {
      out.textContent = `running ${c.runs} runs (${c.vm})…`;
      rows.push(...caseRows(await runCase(c, participants, rounds, minSeconds), mnistCosts(), null));
    }
    out.textContent = formatBench(rows, mnistCosts(), null);
    window.vsmlBench = { ok: true, rows };
  } catch (e) {
    const message = errorMessage(e);
    out.textContent = `benchmark failed: ${message}`;
    window.vsmlBench = { ok: false, message };
  }
}
