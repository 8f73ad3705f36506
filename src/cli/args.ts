// Flags of a subcommand, declared as data: parsing, the usage line and required checks come from
// the table. Accepts `--name value` and `--name=value`; no positionals, no repeats.
import type { BackendName } from '../model/engine';
import { fail, ok, type Result } from '../model/result';

export interface FlagSpec {
  readonly name: string;
  /** Placeholder in the usage line, e.g. "L.json" or "cpu|webgpu". */
  readonly value: string;
  readonly required?: boolean;
  /** The allowed values, when the flag is a choice. */
  readonly choices?: readonly string[];
  /** A switch: takes no value; present means "true". */
  readonly boolean?: boolean;
  readonly help: string;
}

export type FlagValues = ReadonlyMap<string, string>;

/** "--learner L.json [--seed N]": required flags bare, optional ones in brackets, in table order. */
export const usageOf = (command: string, flags: readonly FlagSpec[]): string =>
  [
    `vsml ${command}`,
    ...flags.map((f) =>
      f.boolean ? `[--${f.name}]` : f.required ? `--${f.name} ${f.value}` : `[--${f.name} ${f.value}]`,
    ),
  ].join(' ');

export function parseFlags(argv: readonly string[], flags: readonly FlagSpec[]): Result<FlagValues> {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) return fail('usage', '', `unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) return fail('usage', '', `unknown flag --${name}`);
    let value: string;
    if (spec.boolean) {
      if (eq >= 0) return fail('usage', '', `flag --${name} takes no value`);
      if (values.has(name)) return fail('usage', '', `flag --${name} given twice`);
      values.set(name, 'true');
      continue;
    }
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    else value = '';
    if (value === '') return fail('usage', '', `flag --${name} needs a value (${spec.value})`);
    if (values.has(name)) return fail('usage', '', `flag --${name} given twice`);
    if (spec.choices && !spec.choices.includes(value)) {
      return fail(
        'usage',
        '',
        `flag --${name} must be one of ${spec.choices.join(', ')}, got ${JSON.stringify(value)}`,
      );
    }
    values.set(name, value);
  }
  for (const f of flags)
    if (f.required && !values.has(f.name)) return fail('usage', '', `missing required flag --${f.name}`);
  return ok(values);
}

/** A flag holding an integer in [min, max]. */
export function intFlag(values: FlagValues, name: string, fallback: number, min: number, max: number): Result<number> {
  const s = values.get(name);
  if (s === undefined) return ok(fallback);
  const n = /^-?\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    return fail('usage', '', `flag --${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(s)}`);
  return ok(n);
}

/**
 * --backends as a list of cpu and webgpu in the order given (`fallback` when absent); with `unique`,
 * a backend named twice is refused too.
 */
export function backendsFlag(
  values: FlagValues,
  fallback: 'cpu,webgpu' | 'webgpu,cpu',
  unique = false,
): Result<BackendName[]> {
  const backends = (values.get('backends') ?? fallback).split(',');
  const bad = backends.find((b) => b !== 'cpu' && b !== 'webgpu');
  if (bad !== undefined)
    return fail(
      'usage',
      '',
      `flag --backends must list ${fallback.replace(',', ' and/or ')}, got ${JSON.stringify(bad)}`,
    );
  if (unique && new Set(backends).size !== backends.length)
    return fail('usage', '', `flag --backends names a backend twice, got ${JSON.stringify(values.get('backends'))}`);
  return ok(backends as BackendName[]);
}
