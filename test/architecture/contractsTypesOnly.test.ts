// Each worker service's contract (src/worker/<service>/contract.ts) is types only, so the page that
// imports it loads none of the worker's code: every import is `import type`, every export is a type,
// an interface or `export type { ... } from`, and nothing else is declared at the top level.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const worker = resolve(__dirname, '../../src/worker');

/** Top-level statements of a contract that are not types only (comments removed), by their first line. */
export function valueStatements(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const allowed = /^(import type |export type |export interface |type |interface |[}\])]|$)/;
  return code
    .split('\n')
    .filter((line) => !/^\s/.test(line))
    .filter((line) => !allowed.test(line));
}

const contracts = readdirSync(worker)
  .map((name) => join(worker, name, 'contract.ts'))
  .filter((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });

describe('worker/<service>/contract.ts', () => {
  it('exists for the session, the trainer and the tools', () => {
    expect(contracts.map((p) => p.slice(worker.length + 1)).sort()).toEqual([
      'session/contract.ts',
      'tools/contract.ts',
      'trainer/contract.ts',
    ]);
  });

  it.each(contracts.map((p) => [p.slice(worker.length + 1), p]))('%s declares types only', (_, path) => {
    expect(valueStatements(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('finds a value import, a constant and a function', () => {
    const text = [
      "import type { A } from './a';",
      "import { b } from './b';",
      'export const C = 1;',
      'export interface D {',
      '  readonly e: number;',
      '}',
      'export function f(): void {}',
    ].join('\n');
    expect(valueStatements(text)).toEqual([
      "import { b } from './b';",
      'export const C = 1;',
      'export function f(): void {}',
    ]);
  });
});
