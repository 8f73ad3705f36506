// The import graph of src/ has no cycles: every relative import of every .ts/.tsx file (`import`,
// `import type`, `export ... from`, a dynamic `import('...')`) is an edge, and a cycle among them,
// even one of types only, fails with the files in order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const SPECIFIER =
  /(?:^|[\s;}])(?:import|export)\s[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The file a relative specifier names: as written, or with .ts, .tsx, /index.ts or /index.tsx. */
function resolveSpecifier(from: string, spec: string, files: ReadonlySet<string>): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (files.has(candidate)) return candidate;
  return null;
}

/** Edges: each file's relative imports that are source files under src/. */
export function importGraph(files: readonly string[], read: (path: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = read(file)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const targets = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolveSpecifier(file, m[1] ?? m[2] ?? m[3], known);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The first cycle found (a path whose last file imports its first), or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return stack.slice(stack.indexOf(next));
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe('the import graph of src/', () => {
  const files = sourceFiles(src).sort();
  const graph = importGraph(files, (p) => readFileSync(p, 'utf8'));

  it('sees the files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    const edges = [...graph.values()].reduce((n, t) => n + t.length, 0);
    expect(edges).toBeGreaterThan(files.length);
  });

  it('has no cycles', () => {
    const cycle = findCycle(graph);
    const shown = cycle ? [...cycle, cycle[0]].map((f) => relative(root, f)).join(' -> ') : null;
    expect(shown, `import cycle: ${shown}`).toBeNull();
  });

  it('finds a cycle when there is one (a type-only one included)', () => {
    const a = join(src, 'a.ts');
    const b = join(src, 'b.ts');
    const c = join(src, 'c.ts');
    const text: Record<string, string> = {
      [a]: "import { b } from './b';\n",
      [b]: "export type { C } from './c';\n",
      [c]: "import type { A } from './a';\n",
    };
    expect(findCycle(importGraph([a, b, c], (p) => text[p]))).toEqual([a, b, c]);
  });
});
