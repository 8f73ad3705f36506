// The engine check page (check.html): asks the worker for the engine self-check and shows the adapter and the result.
import * as Comlink from 'comlink';
import type { EngineCheckApi } from '../worker/engineCheck.worker';

const badge = document.querySelector<HTMLElement>('[data-testid="backend-badge"]')!;
const list = document.querySelector<HTMLElement>('[data-testid="engine-check"]')!;
const error = document.querySelector<HTMLElement>('[data-testid="error-message"]')!;

const worker = Comlink.wrap<EngineCheckApi>(
  new Worker(new URL('../worker/engineCheck.worker.ts', import.meta.url), { type: 'module' }),
);
const reply = await worker.run(1);
if (!reply.ok) {
  badge.textContent = 'no WebGPU';
  error.hidden = false;
  error.textContent = reply.message;
} else {
  const r = reply.report;
  badge.textContent = r.description;
  const pass = r.maxAbsDiff <= 1e-4;
  const rows: [string, string][] = [
    ['grid', `${r.grid} sub-RNN layers, ${r.runs} runs with their own V_M, ${r.steps} examples`],
    ['max |WebGPU − CPU|', `${r.maxAbsDiff.toExponential(2)} ${pass ? '✓ within 1e-4' : '✗ above 1e-4'}`],
    ['time', `WebGPU ${(r.gpuSeconds * 1000).toFixed(0)} ms, CPU reference ${(r.cpuSeconds * 1000).toFixed(0)} ms`],
  ];
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    if (k.startsWith('max')) dd.className = pass ? 'ok' : 'bad';
    list.append(dt, dd);
  }
  list.dataset.maxAbsDiff = String(r.maxAbsDiff);
}
