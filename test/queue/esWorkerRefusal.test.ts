// A worker on another code version refuses a run before computing anything: the job goes back to the
// queue after a delay (for another worker), and a note for the coordinator says why. Real Redis; the
// job is the smallest stand-in for a BullMQ job the processor reads (id, data, moveToDelayed).
import type { Job } from 'bullmq';
import { DelayedError } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../src/cli/metaTrainData';
import { codeDigest } from '../../src/cli/queue/codeDigest';
import { EsWorker } from '../../src/cli/queue/esWorker';
import { notesKey, runKey } from '../../src/cli/queue/keys';
import { RedisServer } from '../../src/cli/queue/redisServer';
import { esJobToJson } from '../../src/meta/queue/esJob';
import { esRunToJson } from '../../src/meta/queue/esRun';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import { tinyConfig } from '../meta/trainerHelpers';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await RedisServer.start();
  redis = new Redis(server.url);
});

afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

const RUN = 'a'.repeat(64);
const OTHER_CODE = 'f'.repeat(64);

function job(id: string, delayed: number[]): Job {
  const data = esJobToJson({ run: RUN, step: 0, theta: 'b'.repeat(64), from: 0, to: 2 });
  return { id, data, moveToDelayed: async (at: number) => void delayed.push(at) } as unknown as Job;
}

describe('EsWorker.process', () => {
  it('refuses a run of another code version: back to the queue after 2 s, a note naming both versions, nothing computed', async () => {
    await redis.set(
      runKey(RUN),
      JSON.stringify(
        esRunToJson({
          digest: RUN,
          code: OTHER_CODE,
          engine: 'reference: CPU reference (TypeScript, single thread)',
          tasks: 'c'.repeat(64),
          config: tinyConfig(),
        }),
      ),
    );
    let enginesMade = 0;
    const worker = new EsWorker(redis, {
      id: 'w-old',
      backend: 'reference',
      concurrency: 1,
      dataDir: null,
      data: nodeDataProvider,
      engines: async (spec) => {
        enginesMade++;
        return new ReferenceEngine(spec);
      },
    });
    const delayed: number[] = [];
    const before = Date.now();
    await expect(worker.process(job('1', delayed), 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(delayed).toHaveLength(1);
    expect(delayed[0]).toBeGreaterThanOrEqual(before + 2000);
    const message = `another code version: the run's is ${OTHER_CODE.slice(0, 12)}, this worker's ${codeDigest().slice(0, 12)}`;
    expect(await redis.lrange(notesKey(RUN), 0, -1)).toEqual([JSON.stringify({ worker: 'w-old', message })]);
    // The refusal is remembered: the next job of the run goes back at once, with no second note.
    await expect(worker.process(job('2', delayed), 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(delayed).toHaveLength(2);
    expect(await redis.llen(notesKey(RUN))).toBe(1);
    expect(enginesMade).toBe(0);
  });

  it('fails a job that is not a vsml-es-job for good (UnrecoverableError), naming the field', async () => {
    const worker = new EsWorker(redis, {
      id: 'w',
      backend: 'reference',
      concurrency: 1,
      dataDir: null,
      data: nodeDataProvider,
      engines: async (spec) => new ReferenceEngine(spec),
    });
    const bad = {
      id: '9',
      data: { format: 'vsml-es-job', version: 1, run: RUN, step: -1, theta: 'b'.repeat(64), from: 0, to: 2 },
    } as unknown as Job;
    await expect(worker.process(bad, 'token')).rejects.toThrow(
      'job 9: not a vsml-es-job: step: must be an integer in [0, 10000000], got -1',
    );
  });
});
