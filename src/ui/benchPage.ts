// The benchmark page: starts the bench worker, shows its table, and leaves the rows on
// `window.vsmlBench` for the Node driver (src/cli/bench.ts).
import * as Comlink from 'comlink';
import { formatBench } from '../worker/bench';
import type { BenchReply, BenchRequest, BenchWorkerApi } from '../worker/bench.worker';

declare global {
  interface Window {
    vsmlBench?: BenchReply;
  }
}

const params = new URLSearchParams(location.search);
const list = (key: string, fallback: string) => (params.get(key) ?? fallback).split(',').filter(Boolean);
const request: BenchRequest = {
  runs: list('runs', '1,8,64').map(Number),
  backends: list('backends', 'cpu,webgpu') as BenchRequest['backends'],
  minSeconds: Number(params.get('minSeconds') ?? 2),
  blockSize: Number(params.get('blockSize') ?? 8),
};

const out = document.querySelector<HTMLPreElement>('[data-testid="bench-output"]')!;
const worker = Comlink.wrap<BenchWorkerApi>(new Worker(new URL('../worker/bench.worker.ts', import.meta.url), { type: 'module' }));
const reply = await worker.run(request);
out.textContent = reply.ok ? formatBench(reply.rows) : `benchmark failed: ${reply.message}`;
window.vsmlBench = reply;
