// The engine check page (check.html): asks the worker for the engine self-check (the fast CPU engine and
// WebGPU, each against the CPU reference) and shows what computed and the result. The list carries the
// largest difference of every engine checked (data-max-abs-diff) and of each (data-cpu-…, data-webgpu-…).
import * as Comlink from 'comlink';
import type { EngineCheckApi } from '../worker/tools/contract';

const badge = document.querySelector<HTMLElement>('[data-testid="backend-badge"]')!;
const list = document.querySelector<HTMLElement>('[data-testid="engine-check"]')!;
const error = document.querySelector<HTMLElement>('[data-testid="error-message"]')!;

const worker = Comlink.wrap<EngineCheckApi>(
  new Worker(new URL('../worker/tools/engineCheck.worker.ts', import.meta.url), { type: 'module' }),
);
const reply = await worker.run(1);
const add = (k: string, v: string, pass?: boolean) => {
  const dt = document.createElement('dt');
  dt.textContent = k;
  const dd = document.createElement('dd');
  dd.textContent = v;
  if (pass !== undefined) dd.className = pass ? 'ok' : 'bad';
  list.append(dt, dd);
};
if (!reply.ok) {
  badge.textContent = 'the check could not run';
  error.hidden = false;
  error.textContent = reply.message;
} else {
  const r = reply.report;
  const gpu = r.rows.find((row) => (row.ok ? row.backend === 'webgpu' : row.label === 'WebGPU'));
  badge.textContent = gpu?.ok ? gpu.description : 'no WebGPU';
  add('grid', `${r.grid} sub-RNN layers, ${r.runs} runs with their own V_M, ${r.steps} examples`);
  let worst = 0;
  const problems: string[] = [];
  for (const row of r.rows) {
    if (!row.ok) {
      add(row.label, `not checked: ${row.message}`, false);
      problems.push(`${row.label}: ${row.message}`);
      continue;
    }
    const pass = row.maxAbsDiff <= 1e-4;
    worst = Math.max(worst, row.maxAbsDiff);
    add(
      `max |${row.backend === 'webgpu' ? 'WebGPU' : 'fast CPU'} − reference|`,
      `${row.maxAbsDiff.toExponential(2)} ${pass ? '✓ within 1e-4' : '✗ above 1e-4'} (${row.description})`,
      pass,
    );
    list.dataset[`${row.backend}MaxAbsDiff`] = String(row.maxAbsDiff);
  }
  const times = r.rows.flatMap((row) =>
    row.ok ? [`${row.backend === 'webgpu' ? 'WebGPU' : 'fast CPU'} ${(row.seconds * 1000).toFixed(0)} ms`] : [],
  );
  add('time', [...times, `CPU reference ${(r.referenceSeconds * 1000).toFixed(0)} ms`].join(', '));
  if (problems.length > 0) {
    error.hidden = false;
    error.textContent = problems.join(' · ');
  }
  if (r.rows.some((row) => row.ok)) list.dataset.maxAbsDiff = String(worst);
}
