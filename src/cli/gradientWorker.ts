// A worker thread of the gradient pool (gradientPool.ts): one gradient job per message.
import { parentPort } from 'node:worker_threads';
import { runGradientJob, type GradientJob } from '../meta/gradientStep';
import type { VsmlConfig } from '../model/config';
import { paramLayout } from '../model/layout';

export interface GradientRequest {
  readonly model: VsmlConfig;
  readonly params: Float32Array;
  readonly job: GradientJob;
}

export interface GradientReply {
  readonly loss: number;
  readonly accuracy: number;
  readonly grad: Float64Array;
}

parentPort?.on('message', (req: GradientRequest) => {
  const grad = new Float64Array(paramLayout(req.model).size);
  const r = runGradientJob(req.model, req.params, req.job, grad);
  const reply: GradientReply = { loss: r.loss, accuracy: r.accuracy, grad };
  parentPort?.postMessage(reply, [grad.buffer]);
});
