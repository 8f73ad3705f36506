// shaders/common.wgsl, the declarations the loader appends to every VSML kernel (no GPU needed):
// `struct Dims` and `struct Step` agree field by field with the packing in src/gpu/dims.ts (names,
// order, u32 / f32 as the typed array the TS writes, byte sizes); no kernel redeclares a name of
// common.wgsl; the loader appends it exactly once, to the kernels of COMMON_KERNELS only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIMS_BYTES, packDims, packSteps, STEP_BYTES, type Dims } from '../../src/gpu/dims';
import { COMMON_KERNELS, COMMON_NAME, SHADER_NAMES, shaderSourcesFromFiles } from '../../src/gpu/shaders';
import { loadShadersNode } from '../../src/gpu/shadersNode';

const shaderFile = (name: string): string =>
  readFileSync(new URL(`../../shaders/${name}.wgsl`, import.meta.url), 'utf8');
const dimsTs = readFileSync(new URL('../../src/gpu/dims.ts', import.meta.url), 'utf8');
const common = shaderFile(COMMON_NAME);

/** Text with // comments removed (WGSL and TS alike). */
const code = (src: string): string => src.replace(/\/\/.*$/gm, '');

interface Field {
  readonly name: string;
  readonly type: string;
}

/** The fields of `struct <name>` in WGSL source, in order. */
function wgslStruct(src: string, name: string): Field[] {
  const m = new RegExp(`\\bstruct\\s+${name}\\s*\\{([^}]*)\\}`).exec(code(src));
  if (!m) throw new Error(`no struct ${name}`);
  return m[1]
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f.length > 0)
    .map((f) => {
      const [fieldName, type] = f.split(':').map((s) => s.trim());
      return { name: fieldName, type };
    });
}

/** WGSL scalar type of what a TS typed array holds. */
const TS_ARRAY_TYPE: Record<string, string> = { Uint32Array: 'u32', Float32Array: 'f32', Int32Array: 'i32' };

/**
 * What `packDims` in dims.ts writes, word by word: `Uint32Array.of(d.A, ..., 0, 0)` read from the text,
 * each argument `d.<field>` or a literal 0 (padding), typed by the array it is written into.
 */
function tsPackedDims(): { field: string | null; type: string }[] {
  const m = /export function packDims\(d: Dims\)[^{]*\{\s*return (\w+)\.of\(([^)]*)\);/.exec(code(dimsTs));
  if (!m) throw new Error('packDims in src/gpu/dims.ts is not `return <TypedArray>.of(...)`');
  const type = TS_ARRAY_TYPE[m[1]];
  if (!type) throw new Error(`packDims writes a ${m[1]}`);
  return m[2].split(',').map((a) => {
    const arg = a.trim();
    if (arg === '0') return { field: null, type };
    const f = /^d\.(\w+)$/.exec(arg);
    if (!f) throw new Error(`packDims argument ${arg}`);
    return { field: f[1], type };
  });
}

/** The fields of `interface Dims` in dims.ts, in order. */
function tsDimsInterface(): string[] {
  const m = /export interface Dims \{([^}]*)\}/.exec(code(dimsTs.replace(/\/\*\*[\s\S]*?\*\//g, '')));
  if (!m) throw new Error('no interface Dims in src/gpu/dims.ts');
  return [...m[1].matchAll(/readonly (\w+): number;/g)].map((f) => f[1]);
}

/** Module-scope names common.wgsl declares (struct, fn, const, override, var). */
function declaredNames(src: string): string[] {
  return [...code(src).matchAll(/^(?:struct|fn|const|override|var(?:<[^>]*>)?)\s+(\w+)/gm)].map((m) => m[1]);
}

describe('struct Dims (common.wgsl) and src/gpu/dims.ts agree field by field', () => {
  const wgsl = wgslStruct(common, 'Dims');
  const packed = tsPackedDims();

  it('the same number of 4-byte words, DIMS_BYTES of them', () => {
    expect(wgsl.length).toBe(packed.length);
    expect(DIMS_BYTES).toBe(4 * wgsl.length);
    expect(packDims({ A: 1, B: 2, runs: 3, runBase: 4, gateStride: 5, msgStride: 6 }).byteLength).toBe(DIMS_BYTES);
  });

  it('word i: the same name (padding: pad<k> in WGSL, 0 in TS) and the same scalar type', () => {
    const ts = packed.map((p, i) => ({ name: p.field ?? `pad(${i})`, type: p.type }));
    const wg = wgsl.map((f, i) => ({ name: /^pad\d+$/.test(f.name) ? `pad(${i})` : f.name, type: f.type }));
    expect(wg).toEqual(ts);
  });

  it('the non-padding fields are interface Dims, in its order', () => {
    expect(packed.filter((p) => p.field !== null).map((p) => p.field)).toEqual(tsDimsInterface());
  });

  it('packDims puts each field at the offset of the WGSL field of that name', () => {
    const names = tsDimsInterface();
    const d = Object.fromEntries(names.map((n, i) => [n, 101 + i])) as unknown as Dims;
    const words = packDims(d);
    const value = d as unknown as Record<string, number>;
    wgsl.forEach((f, i) => expect(words[i]).toBe(/^pad\d+$/.test(f.name) ? 0 : value[f.name]));
  });
});

describe('struct Step (common.wgsl) and packSteps', () => {
  it('{ t: u32, steps: u32 } at words 0 and 1 of each STEP_BYTES record', () => {
    expect(wgslStruct(common, 'Step')).toEqual([
      { name: 't', type: 'u32' },
      { name: 'steps', type: 'u32' },
    ]);
    const words = packSteps(3, STEP_BYTES);
    expect(words).toBeInstanceOf(Uint32Array);
    expect([0, 1, 2].map((t) => [words[(t * STEP_BYTES) / 4], words[(t * STEP_BYTES) / 4 + 1]])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });
});

describe('the loader appends common.wgsl once', () => {
  const names = declaredNames(common);
  const sources = loadShadersNode();

  it('common.wgsl declares Dims, Step, workgroup_index, the gate shifts and the activations', () => {
    const shared = ['Dims', 'Step', 'workgroup_index', 'FORGET_SHIFT', 'INPUT_SHIFT', 'sigmoid', 'tanh_safe'];
    expect(names).toEqual(expect.arrayContaining(shared));
    expect(common.startsWith('// common:')).toBe(true);
  });

  it.each(COMMON_KERNELS)('%s.wgsl declares none of its names and gets it exactly once, after its own text', (name) => {
    const own = shaderFile(name);
    expect(declaredNames(own).filter((n) => names.includes(n))).toEqual([]);
    expect(sources[name].startsWith(own)).toBe(true);
    expect(sources[name].split(common).length - 1).toBe(1);
    for (const n of names) {
      expect(code(sources[name]).match(new RegExp(`^(?:struct|fn|const)\\s+${n}\\b`, 'gm'))).toHaveLength(1);
    }
  });

  it('meta_rnn_step (own Dims, scalar sigmoid) is left as its file', () => {
    expect(COMMON_KERNELS).not.toContain('meta_rnn_step');
    expect(sources.meta_rnn_step).toBe(shaderFile('meta_rnn_step'));
    expect(SHADER_NAMES.filter((n) => !COMMON_KERNELS.includes(n))).toEqual(['meta_rnn_step']);
  });

  it('shaderSourcesFromFiles (the Vite path) gives the same text, and names a missing common.wgsl', () => {
    const all = [...SHADER_NAMES, COMMON_NAME];
    const files = Object.fromEntries(all.map((n) => [`../../shaders/${n}.wgsl`, shaderFile(n)]));
    expect(shaderSourcesFromFiles(files)).toEqual(sources);
    delete files[`../../shaders/${COMMON_NAME}.wgsl`];
    expect(() => shaderSourcesFromFiles(files)).toThrow('shaders: missing common.wgsl');
  });
});
