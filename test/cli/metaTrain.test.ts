// vsml meta-train in-process on the CPU reference (tiny task: 7x7 MNIST, 3 classes, 4 pairs, T = 12):
// the run folder, the log, resuming bit for bit, NaN rejection, and the progress output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { runMetaTrain } from '../../src/cli/metaTrain';
import type { ProgressOut } from '../../src/cli/command';
import { parseCheckpoint } from '../../src/meta/checkpoint';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { VsmlEngine } from '../../src/model/engine';
import { parseLearner } from '../../src/model/formats/learner';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { tempDir, vsml, writeDoc } from './helpers';

const readLog = async (dir: string) =>
  (await readFile(join(dir, 'log.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

async function setup(overrides: Record<string, unknown> = {}) {
  const dir = await tempDir();
  const config = await writeDoc(dir, 'c.json', tinyConfigDoc(overrides));
  return { dir, config, out: join(dir, 'run') };
}

describe('vsml meta-train (in-process, CPU)', () => {
  it('writes checkpoint.json, learner.json and log.jsonl: a line per step, evaluations at 0, every 3 steps and the end', async () => {
    const { config, out } = await setup({ steps: 4 });
    const r = await vsml('meta-train', '--config', config, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    expect(r.stdout[0]).toMatch(
      /^meta-train: 4 of 4 steps \(0 rejected\), 4 pairs \(es\) x T=12, on cpu; this session 4 steps in /,
    );
    expect(r.stdout[1]).toMatch(/^meta-loss: mean of the first 10 steps 1\.09\d\d, of the last 10 1\.09\d\d$/);
    expect(r.stdout[2]).toMatch(
      /^mnist\/test 7x7 classes 0\.1\.2: cum\. acc\. 0\.\d{4} at step 0 -> 0\.\d{4} at step 4$/,
    );
    const log = await readLog(out);
    expect(log.map((e) => [e.step, 'eval' in e ? 'eval' : 'step'])).toEqual([
      [0, 'eval'],
      [1, 'step'],
      [2, 'step'],
      [3, 'step'],
      [3, 'eval'],
      [4, 'step'],
      [4, 'eval'],
    ]);
    for (const e of log) expect(e.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(log[1]).toMatchObject({ step: 1, accepted: true });
    expect(typeof log[1].metaLoss).toBe('number');
    expect(Object.keys(log[0].eval)).toEqual(['mnist/test 7x7 classes 0.1.2']);
    expect(log[0].eval['mnist/test 7x7 classes 0.1.2']).toMatchObject({
      at100: null,
      atEnd: { mean: expect.any(Number) },
    });
    const cp = parseCheckpoint(JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8')));
    if (!cp.ok) throw new Error(cp.error.message);
    expect(cp.value).toMatchObject({ step: 4, rejected: 0 });
    const learner = parseLearner(JSON.parse(await readFile(join(out, 'learner.json'), 'utf8')));
    expect(learner.ok && Array.from(learner.value.params)).toEqual(Array.from(cp.value.learner.params));
  });

  it('--resume --steps 5 after --steps 2 ends with the same checkpoint as 5 uninterrupted steps, and a log without repeats', async () => {
    const a = await setup({ steps: 5 });
    expect((await vsml('meta-train', '--config', a.config, '--out', a.out)).code).toBe(0);
    const b = await setup({ steps: 5 });
    expect((await vsml('meta-train', '--config', b.config, '--out', b.out, '--steps', '2')).code).toBe(0);
    const resumed = await vsml('meta-train', '--out', b.out, '--resume', '--steps', '5');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout[0]).toMatch(/^meta-train: 5 of 5 steps \(0 rejected\), .* this session 3 steps in /);
    // The config files differ only in their folder; the checkpoints name no file (built-in data).
    expect(await readFile(join(b.out, 'checkpoint.json'), 'utf8')).toBe(
      await readFile(join(a.out, 'checkpoint.json'), 'utf8'),
    );
    const logA = (await readLog(a.out)).map((e) => [e.step, e.metaLoss ?? null, e.eval ?? null]);
    const logB = (await readLog(b.out)).map((e) => [e.step, e.metaLoss ?? null, e.eval ?? null]);
    // Run b also evaluated at its own last step, 2.
    expect(logB.filter((e) => !(e[0] === 2 && e[2] !== null))).toEqual(logA);
  });

  it('rejects a NaN step: a log line and a stderr note, the parameters kept, the run goes on', async () => {
    const { config, out } = await setup({ steps: 3, evaluation: { every: 0 } });
    let calls = 0;
    const engineFactory =
      () =>
      async (spec: ConstructorParameters<typeof ReferenceEngine>[0]): Promise<VsmlEngine> => {
        const e = new ReferenceEngine(spec);
        const run = e.run.bind(e);
        e.run = async (block, opts) => {
          const r = await run(block, opts);
          if (calls++ === 1) r.loss[0] = Number.POSITIVE_INFINITY;
          return r;
        };
        return e;
      };
    const written: string[] = [];
    const progress: ProgressOut = { isTTY: false, write: (t) => written.push(t) };
    const flags = new Map([
      ['config', config],
      ['out', out],
    ]);
    const outcome = await runMetaTrain(flags, { info: () => undefined, progress }, { engineFactory });
    expect(outcome.code).toBe(0);
    const log = await readLog(out);
    expect(log.map((e) => [e.step, e.accepted, e.rejected ?? null])).toEqual([
      [1, true, null],
      [2, false, 'pair 0: L+ is Infinity'],
      [3, true, null],
    ]);
    expect(log[1].metaLoss).toBeNull();
    expect(written).toContain('step 2 rejected: pair 0: L+ is Infinity; parameters and optimiser state kept\n');
    const cp = parseCheckpoint(JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8')));
    expect(cp.ok && [cp.value.step, cp.value.rejected, cp.value.optimizer.t]).toEqual([3, 1, 2]);
  });

  it('shows progress on stderr: plain lines off a terminal, redrawn in place on one', async () => {
    const { config, out } = await setup({ steps: 2, evaluation: { every: 0 } });
    const plain: string[] = [];
    const code = await main(['meta-train', '--config', config, '--out', out], {
      stdout: () => undefined,
      stderr: () => undefined,
      progress: { isTTY: false, write: (t) => plain.push(t) },
    });
    expect(code).toBe(0);
    expect(plain).toHaveLength(2);
    expect(plain[0]).toMatch(
      /^step 1\/2 \[#{10}-{10}\] meta-loss 1\.09\d\d \(mean of last 10: 1\.09\d\d\) {2}\d+\.\d\d steps\/s {2}ETA \d+s\n$/,
    );
    expect(plain[1]).toMatch(/^step 2\/2 \[#{20}\] .* ETA 0s\n$/);
    const tty: string[] = [];
    const c2 = await setup({ steps: 2, evaluation: { every: 0 } });
    await main(['meta-train', '--config', c2.config, '--out', c2.out], {
      stdout: () => undefined,
      stderr: () => undefined,
      progress: { isTTY: true, write: (t) => tty.push(t) },
    });
    expect(tty.map((t) => t.slice(0, 13))).toEqual(['\r\x1b[2Kstep 1/2', '\r\x1b[2Kstep 2/2', '\n']);
  });

  it('stops after the current step when aborted (SIGINT in the real command), with a checkpoint to resume from', async () => {
    const { config, out } = await setup({ steps: 50, checkpointEvery: 10, evaluation: { every: 0 } });
    const stop = new AbortController();
    const lines: string[] = [];
    const progress: ProgressOut = { isTTY: false, write: () => stop.abort() };
    const outcome = await runMetaTrain(
      new Map([
        ['config', config],
        ['out', out],
      ]),
      { info: (l) => lines.push(l), progress },
      { signal: stop.signal },
    );
    expect(outcome.code).toBe(0);
    expect(lines[0]).toBe('meta-train: stopped at step 1 of 50; continue with --resume');
    const cp = parseCheckpoint(JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8')));
    expect(cp.ok && cp.value.step).toBe(1);
  });
});
