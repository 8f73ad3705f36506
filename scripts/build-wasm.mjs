// Builds the fast CPU engine's WebAssembly kernel (wasm/vsml_cpu.ts, AssemblyScript) into
// src/cpu/build/: four variants, SIMD or relaxed SIMD (fused multiply-add) x shared memory (threads)
// or not. Each gets a custom section "vsml" with {"relaxed","shared"} so the engine knows what it
// was handed. `node scripts/build-wasm.mjs` builds; `--if-stale` builds only when an output is
// missing or older than the sources (the vitest global setup and the Vite plugin use buildWasm()).
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WASM_SOURCE_DIR = join(root, 'wasm');
export const WASM_OUT_DIR = join(root, 'src', 'cpu', 'build');

/** Output file of a variant (src/cpu/wasmVariants.ts names the same files). */
export const variantFile = ({ relaxed, shared }) =>
  `vsml_cpu${relaxed ? '.relaxed' : ''}${shared ? '.shared' : ''}.wasm`;
export const VARIANTS = [
  { relaxed: false, shared: false },
  { relaxed: false, shared: true },
  { relaxed: true, shared: false },
  { relaxed: true, shared: true },
];

/** The bytes of a custom section (id 0) named `name` holding `payload`. */
function customSection(name, payload) {
  const leb = (n) => {
    const out = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return out;
  };
  const nameBytes = new TextEncoder().encode(name);
  const body = [...leb(nameBytes.length), ...nameBytes, ...payload];
  return Uint8Array.from([0, ...leb(body.length), ...body]);
}

async function newestSource() {
  let newest = (await stat(fileURLToPath(import.meta.url))).mtimeMs;
  for (const f of await readdir(WASM_SOURCE_DIR))
    newest = Math.max(newest, (await stat(join(WASM_SOURCE_DIR, f))).mtimeMs);
  return newest;
}

async function isStale() {
  const newest = await newestSource();
  for (const v of VARIANTS) {
    try {
      if ((await stat(join(WASM_OUT_DIR, variantFile(v)))).mtimeMs < newest) return true;
    } catch {
      return true;
    }
  }
  return false;
}

async function compile({ relaxed, shared }) {
  const { default: asc } = await import('assemblyscript/asc');
  const features = ['simd', ...(relaxed ? ['relaxed-simd'] : []), ...(shared ? ['threads'] : [])];
  const args = [
    join(WASM_SOURCE_DIR, 'vsml_cpu.ts'),
    '--outFile',
    'out.wasm',
    '-O3',
    '--noAssert',
    '--runtime',
    'stub',
    '--importMemory',
    '--noExportMemory',
    '--initialMemory',
    '1',
    ...(shared ? ['--sharedMemory', '--maximumMemory', '65536'] : []),
    ...features.flatMap((f) => ['--enable', f]),
  ];
  let wasm = null;
  const errors = [];
  const { error, stderr } = await asc.main(args, {
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm')) wasm = contents;
    },
  });
  if (error) errors.push(String(error), stderr.toString());
  if (errors.length || !wasm)
    throw new Error(`build-wasm: asc failed for ${variantFile({ relaxed, shared })}:\n${errors.join('\n')}`);
  const section = customSection('vsml', new TextEncoder().encode(JSON.stringify({ relaxed, shared })));
  const out = new Uint8Array(wasm.length + section.length);
  out.set(wasm, 0);
  out.set(section, wasm.length);
  return out;
}

/** Builds every variant (all of them, or only when stale). Returns whether it built. */
export async function buildWasm({ ifStale = false } = {}) {
  if (ifStale && !(await isStale())) return false;
  await mkdir(WASM_OUT_DIR, { recursive: true });
  for (const v of VARIANTS) {
    const bytes = await compile(v);
    const path = join(WASM_OUT_DIR, variantFile(v));
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildWasm({ ifStale: process.argv.includes('--if-stale') });
  console.log(
    built ? `build-wasm: wrote ${VARIANTS.map(variantFile).join(', ')} to src/cpu/build/` : 'build-wasm: up to date',
  );
}
