// The CLI in-process: dispatch from the command table, usage errors, and trace's input errors
// (exit 2, one line naming the file, the field and what is wrong).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { badInput, success, type Command } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { learnerDoc, stateDoc, streamDoc, smallConfig, clone } from '../formats/helpers';
import { tempDir, vsml, writeDoc } from './helpers';

describe('main', () => {
  it('with no command prints the usage and exits 2', async () => {
    expect(await vsml()).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'usage: vsml <command> [flags] (commands: trace, evaluate, table, meta-train, worker, clone-check; vsml --help for more)',
      ],
    });
  });

  it('rejects an unknown command with exit 2', async () => {
    expect(await vsml('evaluat')).toEqual({
      code: 2,
      stdout: [],
      stderr: ['vsml: unknown command "evaluat" (commands: trace, evaluate, table, meta-train, worker, clone-check)'],
    });
  });

  it('prints help on stdout with exit 0', async () => {
    const r = await vsml('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  vsml trace --learner L.json --stream S.json [--state X.json] [--seed N] [--backend cpu|reference|webgpu] --out T.json [--explain T] [--explain-out E.json] [--cell L,A,B] [--windows N] [--max-memory SIZE]',
    );
    expect(r.stdout).toContain(
      '  vsml table --learners L1,L2,... --datasets D1,D2,... [--data-dir DIR] [--steps T] [--runs R] [--at S1,S2,...] [--seed N] [--seen L=D1,D2;L2=...] [--backend cpu|reference|webgpu] --out T.json [--markdown T.md] [--max-memory SIZE]',
    );
  });

  it('dispatches through the command table it is given', async () => {
    const seen: string[] = [];
    const echo: Command = {
      name: 'echo',
      summary: 'test',
      flags: [{ name: 'say', value: 'S', required: true, help: 'what' }],
      run: async (flags, io) => {
        io.info(flags.get('say') as string);
        seen.push('ran');
        return flags.get('say') === 'bad' ? badInput('echo: bad') : success;
      },
    };
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) };
    expect(await main(['echo', '--say', 'hi'], io, [echo])).toBe(0);
    expect(await main(['echo', '--say', 'bad'], io, [echo])).toBe(2);
    expect(await main(['echo'], io, [echo])).toBe(2);
    expect(out).toEqual(['hi', 'bad']);
    expect(err).toEqual(['echo: bad', 'vsml echo: missing required flag --say (usage: vsml echo --say S)']);
  });

  it('turns an unexpected exception into exit 1 and one line', async () => {
    const boom: Command = {
      name: 'boom',
      summary: '',
      flags: [],
      run: async () => {
        throw new Error('first\nsecond');
      },
    };
    const err: string[] = [];
    expect(await main(['boom'], { stdout: () => {}, stderr: (l) => err.push(l) }, [boom])).toBe(1);
    expect(err).toEqual(['vsml boom: internal error: first']);
  });
});

describe('vsml trace, bad input', () => {
  let dir: string;
  let learner: string;
  let stream: string;
  let out: string;
  const usage =
    'vsml trace --learner L.json --stream S.json [--state X.json] [--seed N] [--backend cpu|reference|webgpu] --out T.json [--explain T] [--explain-out E.json] [--cell L,A,B] [--windows N] [--max-memory SIZE]';
  beforeAll(async () => {
    dir = await tempDir();
    learner = await writeDoc(dir, 'learner.json', learnerDoc());
    stream = await writeDoc(dir, 'stream.json', streamDoc());
    out = join(dir, 'out.json');
  });

  it.each([
    [['--stream', 'S.json', '--out', 'T.json'], 'missing required flag --learner'],
    [
      ['--learner', 'L', '--stream', 'S', '--out', 'T', '--backend', 'cuda'],
      'flag --backend must be one of cpu, reference, webgpu, got "cuda"',
    ],
    [['--learner', 'L', '--stream', 'S', '--out', 'T', '--epochs', '3'], 'unknown flag --epochs'],
  ])('usage error %j exits 2 with the usage line', async (argv, message) => {
    expect(await vsml('trace', ...argv)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`vsml trace: ${message} (usage: ${usage})`],
    });
  });

  it('rejects --seed together with --state, and a bad --seed', async () => {
    const both = await vsml(
      'trace',
      '--learner',
      learner,
      '--stream',
      stream,
      '--state',
      'x',
      '--seed',
      '1',
      '--out',
      out,
    );
    expect(both.stderr).toEqual(['vsml trace: give --state or --seed, not both (--seed only draws the initial state)']);
    const bad = await vsml('trace', '--learner', learner, '--stream', stream, '--seed', '2.5', '--out', out);
    expect(bad).toEqual({
      code: 2,
      stdout: [],
      stderr: ['vsml trace: flag --seed must be an integer in [0, 4294967295], got "2.5"'],
    });
  });

  it.each<[string, (d: ReturnType<typeof learnerDoc>) => unknown, string]>([
    ['a short row', (d) => d.params.lstm.w[3].pop(), 'params.lstm.w[3]: expected 16 numbers, got 15'],
    ['NaN in params', (d) => (d.params.lstm.b[0] = null), 'params.lstm.b[0]: must be a finite number, got null'],
    [
      'an unknown option',
      (d) => (d.config.learningRate = 1),
      'config.learningRate: unknown option (known: stateSize, messageSize, microTicks, tanhBound, outputIndex, feedLabel, hiddenSizes, initRandProportion, backwardPass, layerNorm)',
    ],
    ['layerNorm', (d) => (d.config.layerNorm = true), 'config.layerNorm: layerNorm=true is not supported yet'],
  ])('a learner with %s: exit 2, "<file>: <field>: <reason>"', async (_, edit, message) => {
    const doc = learnerDoc();
    edit(doc);
    const path = await writeDoc(dir, 'bad.learner.json', doc);
    expect(await vsml('trace', '--learner', path, '--stream', stream, '--out', out)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`${path}: ${message}`],
    });
  });

  it.each<[string, (d: ReturnType<typeof streamDoc>) => unknown, string]>([
    ['a label out of range', (d) => (d.labels[1] = 2), 'labels[1]: must be an integer in [0, 1], got 2'],
    ['a ragged row', (d) => d.inputs[1].push(0), 'inputs[1]: expected 3 numbers (as inputs[0]), got 4'],
    ['one class', (d) => (d.numClasses = 1), 'numClasses: must be an integer in [2, 4096], got 1'],
  ])('a stream with %s: exit 2 and the field', async (_, edit, message) => {
    const doc = streamDoc();
    edit(doc);
    const path = await writeDoc(dir, 'bad.stream.json', doc);
    expect(await vsml('trace', '--learner', learner, '--stream', path, '--out', out)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`${path}: ${message}`],
    });
  });

  it('a state for another grid: exit 2 and the expected count', async () => {
    const doc = stateDoc(smallConfig(), 4, 2); // made for A=4, the stream has A=3
    const path = await writeDoc(dir, 'bad.state.json', doc);
    const r = await vsml('trace', '--learner', learner, '--stream', stream, '--state', path, '--out', out);
    expect(r).toEqual({
      code: 2,
      stdout: [],
      stderr: [`${path}: layers[0].h: expected 24 numbers (A=3 x B=2 x N=4), got 32`],
    });
  });

  it('a state with the wrong layer count: exit 2', async () => {
    const doc = clone(stateDoc());
    doc.layers.push(doc.layers[0]);
    const path = await writeDoc(dir, 'bad.state.json', doc);
    const r = await vsml('trace', '--learner', learner, '--stream', stream, '--state', path, '--out', out);
    expect(r.stderr).toEqual([`${path}: layers: expected 1 layer (grids 3x2), got 2`]);
  });

  it('a missing file, bad JSON and the wrong kind of file: exit 2 with the file named', async () => {
    const missing = join(dir, 'absent.json');
    expect((await vsml('trace', '--learner', missing, '--stream', stream, '--out', out)).stderr).toEqual([
      `${missing}: cannot read: no such file`,
    ]);
    const broken = await writeDoc(dir, 'broken.json', '{"format": "vsml-stream",');
    const r = await vsml('trace', '--learner', learner, '--stream', broken, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON: `));
    expect((await vsml('trace', '--learner', stream, '--stream', stream, '--out', out)).stderr).toEqual([
      `${stream}: format: expected "vsml-learner", got "vsml-stream"`,
    ]);
  });

  it('an output directory that does not exist: exit 1 (a runtime failure), one line', async () => {
    const r = await vsml(
      'trace',
      '--learner',
      learner,
      '--stream',
      stream,
      '--out',
      join(dir, 'no', 'such', 'dir', 'T.json'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^vsml trace: cannot write .*T\.json: ENOENT/);
  });
});
