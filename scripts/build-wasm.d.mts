// Types of scripts/build-wasm.mjs (the fast CPU engine's kernel build), for vite.config.ts and the vitest setup.
export interface Variant {
  readonly relaxed: boolean;
  readonly shared: boolean;
}
export const WASM_SOURCE_DIR: string;
export const WASM_OUT_DIR: string;
export const VARIANTS: readonly Variant[];
export function variantFile(v: Variant): string;
export function buildWasm(opts?: { ifStale?: boolean }): Promise<boolean>;
