// Tests of the distributed meta-training benchmark's pure parts (src/cli/benchQueue.ts): the
// options that select it, the bytes a step moves (built with the real job and result formats) and
// the table, as exact strings. No process, no Redis.
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../src/cli/benchOptions';
import { formatQueueBench, queueStepBytes, timedMean, type QueueBenchRow } from '../../src/cli/benchQueue';

const parse = (...argv: string[]) => parseBenchOptions(argv);

describe('--meta and --workers', () => {
  it('--meta is --only meta; --workers lists the worker counts (repeats dropped)', () => {
    expect(parse('--meta')).toMatchObject({ ok: true, value: { only: 'meta', workers: null } });
    expect(parse('--meta', '--workers', '1,2,4')).toMatchObject({
      ok: true,
      value: { only: 'meta', workers: [1, 2, 4] },
    });
    expect(parse('--workers', '2,2,1', '--only', 'meta')).toMatchObject({
      ok: true,
      value: { only: 'meta', workers: [2, 1] },
    });
    expect(parse('--only', 'meta', '--meta')).toMatchObject({ ok: true, value: { only: 'meta' } });
  });

  it('refuses --workers without the meta rows, --meta against another --only, and bad counts', () => {
    expect(parse('--workers', '1,2')).toEqual({
      ok: false,
      error: {
        code: 'range',
        field: '--workers',
        message: 'runs the distributed meta-training benchmark only: give --meta (or --only meta) too',
      },
    });
    expect(parse('--meta', '--only', 'node')).toEqual({
      ok: false,
      error: { code: 'range', field: '--meta', message: 'selects the meta rows only; it contradicts --only node' },
    });
    expect(parse('--meta', '--workers', '0')).toMatchObject({ ok: false, error: { field: '--workers' } });
    expect(parse('--meta', '--workers')).toMatchObject({
      ok: false,
      error: { field: '--workers', message: 'needs a value' },
    });
  });
});

describe('queueStepBytes', () => {
  it('counts the run record, V_M up once and down per job, and the real job and result JSON', () => {
    const b = queueStepBytes({
      D: 100,
      P: 8,
      pairsPerJob: 4,
      runRecord: 1000,
      engine: 'cpu: fast CPU engine',
      workerIds: ['w1', 'w2'],
      step: 3,
    });
    // Job: {"format":"vsml-es-job","version":1,"run":<64>,"step":3,"theta":<64>,"from":0,"to":4}.
    const job = JSON.stringify({
      format: 'vsml-es-job',
      version: 1,
      run: 'f'.repeat(64),
      step: 3,
      theta: 'f'.repeat(64),
      from: 0,
      to: 4,
    }).length;
    expect(job).toBe(209);
    // Result of 4 pairs: plus and minus are 32 bytes each, 44 characters of base64.
    const result = (from: number, to: number, id: string) =>
      JSON.stringify({
        format: 'vsml-es-result',
        version: 1,
        run: 'f'.repeat(64),
        step: 3,
        theta: 'f'.repeat(64),
        from,
        to,
        plus: 'A'.repeat(43) + '=',
        minus: 'A'.repeat(43) + '=',
        digest: 'f'.repeat(64),
        worker: { id, engine: 'cpu: fast CPU engine' },
        seconds: 1.234567890123456,
      }).length;
    expect(b).toEqual({
      runRecord: 1000,
      thetaUp: 400,
      thetaDown: 800,
      jobs: 2 * job,
      results: result(0, 4, 'w1') + result(4, 8, 'w2'),
      total: 1000 + 400 + 800 + 2 * job + result(0, 4, 'w1') + result(4, 8, 'w2'),
    });
    expect(b.results).toBe(2 * 478);
  });

  it('cuts the last job short; the one worker reads V_M once', () => {
    const b = queueStepBytes({ D: 1, P: 5, pairsPerJob: 4, runRecord: 0, engine: 'e', workerIds: [], step: 0 });
    expect(b.thetaDown).toBe(4);
  });
});

describe('formatQueueBench', () => {
  const row = (o: Partial<QueueBenchRow>): QueueBenchRow => ({
    workers: 1,
    threads: 1,
    stepSeconds: [9, 8, 8, 8],
    pairs: 32,
    jobs: 8,
    pairsPerJob: 4,
    workerRates: { w1: 4 },
    duplicates: 0,
    stale: 0,
    requeued: 0,
    bytes: { runRecord: 2500, thetaUp: 12_000, thetaDown: 96_000, jobs: 1600, results: 4000, total: 116_100 },
    redisBytesPerStep: 150_000,
    identical: true,
    ...o,
  });
  const info = { cores: 2, D: 3000, inputSize: 196, classes: 10, warmup: 1, timed: 3 };

  it('leaves the warm-up step out of the mean', () => {
    expect(timedMean({ stepSeconds: [100, 2, 4] }, 1)).toBe(3);
  });

  it('prints the rows, the bytes and the note on cores', () => {
    const text = formatQueueBench(
      [
        row({
          workers: null,
          threads: null,
          stepSeconds: [6, 5, 5, 5],
          jobs: null,
          pairsPerJob: null,
          workerRates: {},
          bytes: null,
          redisBytesPerStep: null,
        }),
        row({}),
        row({
          workers: 4,
          stepSeconds: [9, 5, 5, 5],
          workerRates: { w2: 1.5, w1: 1.25 },
          duplicates: 1,
          identical: false,
          redisBytesPerStep: null,
          bytes: {
            runRecord: 2500,
            thetaUp: 12_000,
            thetaDown: 1_200_000,
            jobs: 1600,
            results: 4000,
            total: 1_220_100,
          },
        }),
      ],
      { ...info, load: { before: '1.00, 0.50, 0.25', after: '2.00, 1.00, 0.50' } },
    );
    expect(text).toBe(
      [
        'Distributed ES meta-training on one machine: `vsml meta-train --queue` + W `vsml worker` processes on a private redis-server, cpu backend.',
        'config: P = 32 pairs, T = 100, MNIST 14x14 (A = 196, K = 10), D = 3000 float32 in V_M; 1 warm-up step + 3 timed steps; each worker runs with VSML_THREADS=1 (W processes, one thread each), the single process with all cores.',
        'run                    step (mean)  steps/s  speed-up vs W=1  pairs/s  jobs x pairs  per-worker pairs/s (job time)       checkpoint',
        '1 process, 2 threads   5.00 s       0.200    -                6.40     -             -                                   baseline',
        'W=1 (1 thread each)    8.00 s       0.125    1.00x            4.00     8 x 4         w1 4.00                             identical',
        'W=4 (1 thread each)    5.00 s       0.200    1.60x            6.40     8 x 4         w1 1.25, w2 1.50                    DIFFERENT',
        '                       (timed steps: 1 duplicate)',
        '',
        "Bytes per step: modelled from the formats (src/meta/queue/esRun.ts, esJob.ts, esResult.ts; BullMQ's own job keys and polling not counted) and measured by Redis (INFO total_net_input_bytes + total_net_output_bytes, every client, over the timed steps):",
        'W   run record  V_M up (4 x D)  V_M down (4 x D a worker) job messages  results (2 x 8 B x P, base64 JSON)  total       Redis I/O measured',
        '1   2.5 kB      12.0 kB         96.0 kB                   1.6 kB        4.0 kB                              116.1 kB    150.0 kB',
        '4   2.5 kB      12.0 kB         1.20 MB                   1.6 kB        4.0 kB                              1.22 MB     -',
        '',
        "Note: this machine has 2 cores; the W workers share them (and the coordinator and Redis), so W > 2 cannot be faster than W = 2 (W = 4 here): the speed-up shows the queue's overhead on one machine, not what W machines give.",
        'load average (1, 5, 15 min) before: 1.00, 0.50, 0.25; after: 2.00, 1.00, 0.50',
      ].join('\n'),
    );
  });
});
