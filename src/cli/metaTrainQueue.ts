// `vsml meta-train --queue`: VSML's ES trainer whose rollouts run on `vsml worker` processes through
// Redis (queue/coordinator.ts). The run is the one this command runs without --queue, on the engine
// of --backend: the coordinator makes one small engine to name it, and the workers must match it.
import type { EngineFactory } from '../meta/engineCache';
import type { MetaConfig } from '../meta/metaConfig';
import type { RolloutRunner } from '../meta/rollouts';
import type { VariantTask } from '../meta/taskSet';
import type { Reply } from '../model/result';
import type { ProgressBar } from './progress';
import { EsCoordinator } from './queue/coordinator';
import { formatStepProgress } from './queue/progressLine';
import type { QueueUrl } from './queue/redisUrl';
import { engineIdentity } from './queue/runDigest';
import type { SessionQueue } from './metaTrainSession';

/** Why a config cannot run on the queue (the field named), or null. */
export function queueRefusal(config: MetaConfig): string | null {
  if (config.learner.kind !== 'vsml')
    return `learner.kind: the queue runs VSML's ES; a ${config.learner.kind} learner is meta-trained in one process`;
  if (config.method !== 'es')
    return `method: the queue runs method es (pairs of rollouts); ${config.method} is meta-trained in one process`;
  return null;
}

/** The trainer's rollouts option, and the coordinator to open once the trainer has built its tasks. */
export function queueRollouts(): {
  rollouts: (tasks: readonly VariantTask[]) => RolloutRunner;
  tasks: () => readonly VariantTask[];
  use: (c: EsCoordinator) => void;
} {
  let tasks: readonly VariantTask[] | null = null;
  let coordinator: EsCoordinator | null = null;
  return {
    rollouts: (t) => {
      tasks = t;
      return (theta, variants, step) => {
        if (!coordinator) throw new Error('the queue coordinator is not open');
        return coordinator.rollouts(theta, variants, step);
      };
    },
    tasks: () => {
      if (!tasks) throw new Error('the trainer has not built its tasks');
      return tasks;
    },
    use: (c) => (coordinator = c),
  };
}

export interface OpenedQueue {
  readonly coordinator: EsCoordinator;
  readonly session: SessionQueue;
}

/** Names the engine, reaches Redis (within 10 s, else the error says so) and opens the coordinator. */
export async function openQueue(
  config: MetaConfig,
  tasks: readonly VariantTask[],
  factory: EngineFactory,
  url: QueueUrl,
  pairsPerJob: number | null,
): Promise<Reply<{ value: OpenedQueue }>> {
  const { inputSize, numClasses } = tasks[0].task;
  const probe = await factory({ config: config.model, inputSize, numClasses, runs: 2 });
  const engine = engineIdentity(probe);
  probe.dispose();
  let bar: Pick<ProgressBar, 'detail' | 'note'> | null = null;
  const reached = await EsCoordinator.reach(url, 10_000);
  if (!reached.ok) return reached;
  const coordinator = await EsCoordinator.open(EsCoordinator.describe(config, tasks, engine), {
    url,
    pairsPerJob,
    onProgress: (p) => bar?.detail(formatStepProgress(p, config.steps)),
    onNote: (line) => bar?.note(line),
  });
  return {
    ok: true,
    value: {
      coordinator,
      session: {
        attach: (b) => {
          bar = b;
          b.note(
            `queue: run ${coordinator.run.digest.slice(0, 12)} on ${url.shown}; workers need the engine ${engine}`,
          );
        },
        stats: () => coordinator.stats,
      },
    },
  };
}
