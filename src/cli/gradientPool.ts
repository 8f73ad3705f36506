// Gradient jobs of a meta-training step spread over worker threads (one per core by default). Each
// job runs whole on one worker (runGradientJob), and the trainer sums the results in job order, so
// the step's gradient is bit-identical to the in-thread runner's whatever the number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inThreadGradients, type GradientJob, type GradientResult, type GradientRunner } from '../meta/gradientStep';
import { paramLayout } from '../model/layout';
import type { VsmlConfig } from '../model/config';
import type { GradientReply, GradientRequest } from './gradientWorker';

/**
 * The worker of gradientWorker.ts. Run from source (tsx), the worker registers tsx's loader before
 * importing the TypeScript file; a build would point at the compiled file instead.
 */
function startWorker(): Worker {
  const url = new URL('./gradientWorker.ts', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

export interface GradientPool {
  readonly run: GradientRunner;
  /** Workers in use (0: in-thread). */
  readonly size: number;
  close(): void;
}

/** `workers` threads (default: VSML_THREADS, else the cores available); 1 = on this thread. */
export function createGradientPool(workers = Number(process.env.VSML_THREADS ?? availableParallelism())): GradientPool {
  const n = Number.isInteger(workers) && workers > 1 ? workers : 1;
  if (n === 1) return { run: inThreadGradients, size: 0, close: () => {} };
  const pool = Array.from({ length: n }, startWorker);
  let closed = false;
  const runOn = (w: Worker, req: GradientRequest): Promise<GradientReply> =>
    new Promise((resolve, reject) => {
      const onMessage = (r: GradientReply) => {
        w.off('error', onError);
        resolve(r);
      };
      const onError = (e: Error) => {
        w.off('message', onMessage);
        reject(e);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage(req);
    });
  const run = async (
    model: VsmlConfig,
    params: Float32Array,
    jobs: readonly GradientJob[],
  ): Promise<GradientResult> => {
    const D = paramLayout(model).size;
    const losses = new Float64Array(jobs.length);
    const accuracies = new Float64Array(jobs.length);
    const grads = new Float64Array(jobs.length * D);
    let next = 0;
    // Each worker takes the next job as soon as it is free.
    await Promise.all(
      pool.map(async (w) => {
        for (let j = next++; j < jobs.length; j = next++) {
          const r = await runOn(w, { model, params, job: jobs[j] });
          losses[j] = r.loss;
          accuracies[j] = r.accuracy;
          grads.set(r.grad, j * D);
        }
      }),
    );
    return { losses, accuracies, grads };
  };
  return {
    run,
    size: n,
    close() {
      if (closed) return;
      closed = true;
      for (const w of pool) void w.terminate();
    },
  };
}
