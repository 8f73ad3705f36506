// The four builds of the fast CPU engine's kernel (scripts/build-wasm.mjs writes them to
// src/cpu/build/): SIMD or relaxed SIMD, and shared memory (threads) or not. Which one this
// runtime can use, and what a compiled module says it is (its "vsml" custom section).

export interface WasmVariant {
  /** Built with relaxed SIMD: f32x4.relaxed_madd (fused multiply-add where the hardware has it). */
  readonly relaxed: boolean;
  /** Imports a shared memory (several threads on one memory). */
  readonly shared: boolean;
}

/** File name of a variant in src/cpu/build/ (the same names as scripts/build-wasm.mjs). */
export const variantFile = ({ relaxed, shared }: WasmVariant): string =>
  `vsml_cpu${relaxed ? '.relaxed' : ''}${shared ? '.shared' : ''}.wasm`;

/** A module of one function that returns f32x4.relaxed_madd(0, 0, 0): valid only where relaxed SIMD is on. */
const RELAXED_PROBE = (() => {
  const zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
  // prettier-ignore
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () -> v128
    0x03, 0x02, 0x01, 0x00, // one function of type 0
    0x0a, 0x3d, 0x01, 0x3b, 0x00, ...zero, ...zero, ...zero, 0xfd, 0x85, 0x02, 0x0b, // code
  ]);
})();

/** Whether this runtime validates relaxed SIMD (Chromium does; Node 20 only with --experimental-wasm-relaxed-simd). */
export const relaxedSimdSupported = (): boolean => WebAssembly.validate(RELAXED_PROBE);

/** Whether threads can share a memory here (SharedArrayBuffer exists and, in a page, it is cross-origin isolated). */
export function sharedMemorySupported(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  const g = globalThis as { crossOriginIsolated?: boolean };
  return g.crossOriginIsolated !== false;
}

/** The best variant for this runtime. */
export const pickVariant = (opts: { shared?: boolean } = {}): WasmVariant => ({
  relaxed: relaxedSimdSupported(),
  shared: opts.shared ?? sharedMemorySupported(),
});

/** What a compiled module of the kernel is, from its "vsml" custom section; an error names what is wrong. */
export function moduleVariant(module: WebAssembly.Module): WasmVariant {
  const sections = WebAssembly.Module.customSections(module, 'vsml');
  if (sections.length !== 1) {
    throw new Error(
      'fast CPU engine: the module has no "vsml" section; it is not a build of wasm/vsml_cpu.ts (run npm run build:wasm)',
    );
  }
  const info = JSON.parse(new TextDecoder().decode(sections[0])) as Partial<WasmVariant>;
  if (typeof info.relaxed !== 'boolean' || typeof info.shared !== 'boolean') {
    throw new Error(`fast CPU engine: the module's "vsml" section is not {relaxed, shared}: ${JSON.stringify(info)}`);
  }
  return { relaxed: info.relaxed, shared: info.shared };
}
