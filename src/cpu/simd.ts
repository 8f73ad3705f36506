// Whether this runtime runs WebAssembly SIMD (the fast CPU engine needs it): WebAssembly.validate of a
// module of one function that returns i8x16.popcnt(i8x16.splat(0)).
// prettier-ignore
const SIMD_PROBE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () -> v128
  0x03, 0x02, 0x01, 0x00, // one function of type 0
  0x0a, 0x0a, 0x01, 0x08, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62, 0x0b, // i32.const 0, i8x16.splat, i8x16.popcnt
]);

/** Why the fast CPU engine cannot run here (a phrase for the engine description), or null when it can. */
export function simdBlocker(
  wasm: { validate(bytes: BufferSource): boolean } | null = globalThis.WebAssembly ?? null,
): string | null {
  if (wasm === null) return 'WebAssembly is not available here';
  return wasm.validate(SIMD_PROBE) ? null : 'WebAssembly SIMD is not available in this browser';
}
