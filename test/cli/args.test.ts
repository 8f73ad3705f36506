import { describe, expect, it } from 'vitest';
import { intFlag, parseFlags, usageOf, type FlagSpec } from '../../src/cli/args';
import { line } from '../formats/helpers';

const FLAGS: FlagSpec[] = [
  { name: 'in', value: 'F.json', required: true, help: 'input' },
  { name: 'seed', value: 'N', help: 'seed' },
  { name: 'backend', value: 'cpu|webgpu', choices: ['cpu', 'webgpu'], help: 'engine' },
];

describe('parseFlags', () => {
  it('accepts --name value and --name=value', () => {
    const r = parseFlags(['--in', 'a.json', '--seed=7', '--backend', 'webgpu'], FLAGS);
    expect(r.ok && [...r.value]).toEqual([
      ['in', 'a.json'],
      ['seed', '7'],
      ['backend', 'webgpu'],
    ]);
  });

  it.each([
    [['--in', 'a', 'extra'], 'unexpected argument "extra"'],
    [['--in', 'a', '--sead', '1'], 'unknown flag --sead'],
    [['--in'], 'flag --in needs a value (F.json)'],
    [['--in', '--seed', '1'], 'flag --in needs a value (F.json)'],
    [['--in='], 'flag --in needs a value (F.json)'],
    [['--in', 'a', '--in', 'b'], 'flag --in given twice'],
    [['--in', 'a', '--backend', 'gpu'], 'flag --backend must be one of cpu, webgpu, got "gpu"'],
    [['--seed', '1'], 'missing required flag --in'],
  ])('rejects %j: %s', (argv, message) => {
    expect(line(parseFlags(argv, FLAGS))).toBe(message);
  });
});

describe('intFlag', () => {
  const values = (s: string) => new Map([['seed', s]]);
  it('reads integers in range and falls back when absent', () => {
    expect(intFlag(values('42'), 'seed', 0, 0, 100)).toEqual({ ok: true, value: 42 });
    expect(intFlag(new Map(), 'seed', 5, 0, 100)).toEqual({ ok: true, value: 5 });
  });
  it.each(['-1', '1.5', 'x', '', '101'])('rejects %j', (s) => {
    expect(line(intFlag(values(s), 'seed', 0, 0, 100))).toBe(
      `flag --seed must be an integer in [0, 100], got ${JSON.stringify(s)}`,
    );
  });
});

describe('usageOf', () => {
  it('lists required flags bare and optional ones in brackets, in table order', () => {
    expect(usageOf('demo', FLAGS)).toBe('vsml demo --in F.json [--seed N] [--backend cpu|webgpu]');
  });
});

describe('switches (boolean flags)', () => {
  const SW: FlagSpec[] = [...FLAGS, { name: 'resume', value: '', boolean: true, help: 'continue' }];
  it('take no value, read as "true", and show bare in the usage line', () => {
    const r = parseFlags(['--resume', '--in', 'a'], SW);
    expect(r.ok && [...r.value]).toEqual([
      ['resume', 'true'],
      ['in', 'a'],
    ]);
    expect(usageOf('demo', SW)).toBe('vsml demo --in F.json [--seed N] [--backend cpu|webgpu] [--resume]');
  });
  it.each([
    [['--in', 'a', '--resume=yes'], 'flag --resume takes no value'],
    [['--in', 'a', '--resume', '--resume'], 'flag --resume given twice'],
    [['--resume', 'x', '--in', 'a'], 'unexpected argument "x"'],
  ])('rejects %j: %s', (argv, message) => {
    expect(line(parseFlags(argv, SW))).toBe(message);
  });
});
