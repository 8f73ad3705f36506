// The bad-input corpus (cases.ts) through the CLI: every file row in every command that takes its
// slot, every flag row, in-process through main() (exit code 2, nothing on stdout, exactly the one
// stderr line of the table); a few rows again as real processes, for the exit code and the single
// line without a stack. The good inputs the rows are cut from run first (exit 0), so each row fails
// for its own fault. Rows marked as known defects run expecting failure (or are skipped, see cases.ts).
import { mkdir, mkdtemp, rm, copyFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { vsmlProcess } from '../cli/helpers';
import { FILE_CASES, FLAG_CASES, URL_CASES, type Defect, type FileCase, type FlagCase } from './cases';
import { generateCorpus, type GeneratedName } from './generate';
import { COMMANDS_OF, expand, goodFile, invocation, type CorpusContext, type Invocation, type Slot } from './invoke';

let ctx: CorpusContext;
let gen: Record<GeneratedName, string>;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vsml-corpus-'));
  gen = await generateCorpus(join(dir, 'gen'));
  ctx = { dir, gen };
}, 120_000);
afterAll(async () => {
  if (ctx) await rm(ctx.dir, { recursive: true, force: true });
});

interface Answer {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

async function vsml(argv: readonly string[]): Promise<Answer> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

/** The answer as the table writes it: the code, and the line (cut to the expected length for a prefix row). */
function expectRefusal(r: Answer, code: number, line: string, prefix: boolean | undefined): void {
  const got = prefix ? r.stderr.map((l) => l.slice(0, line.length)) : r.stderr;
  expect({ code: r.code, stdout: r.stdout, stderr: got }).toEqual({ code, stdout: [], stderr: [line] });
}

/** it, it.fails for a defect that runs, it.skip for one that would swell or run for hours. */
const caseTest = (defect: Defect | undefined) =>
  defect === undefined ? it : defect.run === 'fails' ? it.fails : it.skip;

const lineFor = (c: FileCase, slot: Slot): string => (typeof c.line === 'string' ? c.line : (c.line[slot] as string));

const invocations = (c: FileCase): [Slot, Invocation['command']][] =>
  c.slots.flatMap((s) => COMMANDS_OF[s].map((cmd): [Slot, Invocation['command']] => [s, cmd]));

describe('the corpus table', () => {
  it('holds at least 60 file, flag and URL rows with unique ids, and says how many it checks', () => {
    const ids = [...FILE_CASES, ...FLAG_CASES, ...URL_CASES].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const runs = FILE_CASES.reduce((n, c) => n + invocations(c).length, 0) + FLAG_CASES.length;
    const defects = [...FILE_CASES, ...FLAG_CASES, ...URL_CASES].filter((c) => c.defect);
    console.log(
      `corpus: ${FILE_CASES.length} file rows, ${FLAG_CASES.length} flag rows, ${URL_CASES.length} URL rows (${ids.length} in all); ` +
        `${runs} CLI runs; ${defects.length} known defects: ${defects.map((c) => c.id).join(', ')}`,
    );
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(FILE_CASES.length + FLAG_CASES.length).toBeGreaterThanOrEqual(60);
  });
});

describe('the good inputs the corpus is cut from are accepted', () => {
  const out = () => join(ctx.dir, `good-${Math.random().toString(36).slice(2)}.json`);
  it('trace: the good learner, stream and state', async () => {
    const r = await vsml([
      'trace',
      '--learner',
      goodFile('learner.json'),
      '--stream',
      goodFile('stream.json'),
      '--state',
      goodFile('state.json'),
      '--out',
      out(),
    ]);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
  });
  it('evaluate: the good IDX pair (raw and gzipped), CIFAR-10 records with a class list, EMNIST letters with a mapping', async () => {
    for (const argv of [
      ['--dataset', 'idx', '--images', gen['images.idx'], '--labels', gen['labels.idx']],
      ['--dataset', 'idx', '--images', gen['images.idx.gz'], '--labels', gen['labels.idx']],
      ['--dataset', 'cifar10', '--records', gen['records.bin'], '--class-names', goodFile('classes.txt')],
      [
        '--dataset',
        'emnist-letters',
        '--images',
        gen['images.idx'],
        '--labels',
        gen['emnist-labels.idx'],
        '--mapping',
        goodFile('mapping.txt'),
      ],
    ]) {
      const r = await vsml(['evaluate', '--learner', 'sgd', ...argv, '--steps', '5', '--runs', '1', '--out', out()]);
      expect(r.stderr).toEqual([]);
      expect(r.code).toBe(0);
    }
  });
  it('meta-train: the good config, and --resume of the good checkpoint for one more step', async () => {
    const fresh = join(ctx.dir, 'good-run');
    const r = await vsml(['meta-train', '--config', goodFile('config.json'), '--out', fresh]);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const resumed = join(ctx.dir, 'good-resume');
    await mkdir(resumed);
    await copyFile(goodFile('checkpoint.json'), join(resumed, 'checkpoint.json'));
    const again = await vsml(['meta-train', '--resume', '--steps', '2', '--out', resumed]);
    expect(again.stderr).toEqual([]);
    expect(again.code).toBe(0);
  });
});

describe('vsml refuses each corpus file with exit 2 and its one line', () => {
  for (const c of FILE_CASES) {
    for (const [slot, command] of invocations(c)) {
      caseTest(c.defect)(`${c.id}: vsml ${command} with it as ${slot}`, async () => {
        const inv = await invocation(slot, command, c.input, ctx);
        const r = await vsml(inv.argv);
        expectRefusal(
          r,
          c.code ?? 2,
          expand(lineFor(c, slot), { file: inv.file, images: gen['images.idx'] }),
          c.prefix,
        );
      });
    }
  }
});

/** The placeholders of a flag row: good files, and fresh folders made for it. */
async function flagValues(c: FlagCase): Promise<Record<string, string>> {
  const at = join(ctx.dir, `flag-${c.id.replace(/\W/g, '-')}`);
  await mkdir(at, { recursive: true });
  const values: Record<string, string> = {
    learner: goodFile('learner.json'),
    stream: goodFile('stream.json'),
    state: goodFile('state.json'),
    config: goodFile('config.json'),
    out: join(at, 'out.json'),
    run: join(at, 'run'),
    resumeRun: join(at, 'resume'),
    lockedRun: join(at, 'locked'),
  };
  for (const name of ['resumeRun', 'lockedRun']) {
    await mkdir(values[name]);
    await copyFile(goodFile('checkpoint.json'), join(values[name], 'checkpoint.json'));
  }
  // Held by this very process, which is alive while the row runs.
  const holder = { pid: process.pid, host: hostname(), started: new Date(0).toISOString(), command: 'vsml meta-train' };
  await writeFile(join(values.lockedRun, 'run.lock'), JSON.stringify(holder));
  return values;
}

describe('vsml refuses each corpus command line with exit 2 and its one line', () => {
  for (const c of FLAG_CASES) {
    caseTest(c.defect)(c.id, async () => {
      const values = await flagValues(c);
      const r = await vsml(c.argv.map((a) => expand(a, values)));
      expectRefusal(r, c.code ?? 2, expand(c.line, values), c.prefix);
    });
  }
});

describe('as real processes: exit 2, one line on stderr, no stack', () => {
  const picks: [string, Slot, Invocation['command']][] = [
    ['learner/nan-string', 'learner', 'trace'],
    ['json/nested-5000-deep', 'config', 'meta-train'],
    ['idx/gzip-bomb', 'images', 'evaluate'],
    ['checkpoint/nan-moment', 'checkpoint', 'meta-train'],
    ['stream/a-1e6-k-4096', 'stream', 'trace'],
  ];
  for (const [id, slot, command] of picks) {
    it(`${id}: vsml ${command} with it as ${slot}`, async () => {
      const c = FILE_CASES.find((x) => x.id === id) as FileCase;
      const inv = await invocation(slot, command, c.input, ctx);
      const r = vsmlProcess(...inv.argv);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      const line = expand(lineFor(c, slot), { file: inv.file, images: gen['images.idx'] });
      expect({
        code: r.code,
        stdout: r.stdout,
        lines: lines.map((l) => (c.prefix ? l.slice(0, line.length) : l)),
      }).toEqual({ code: 2, stdout: '', lines: [line] });
    });
  }
});
