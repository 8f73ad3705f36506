// The WGSL kernels by name, each with shaders/common.wgsl (Dims, Step, workgroup_index, the gate
// shifts and activations) appended once. Loading is injected (Vite `?raw` in the browser, node:fs in
// the CLI and tests: see shadersVite.ts and shadersNode.ts), so this file stays platform-free.

/** One kernel per shaders/<name>.wgsl. */
export const SHADER_NAMES = [
  'inject_input',
  'gate_inputs',
  'grid_tick',
  'grid_tick_n16',
  'grid_fused_n16',
  'reduce_fwd',
  'reduce_bwd',
  'readout_error',
  // resident data (src/gpu/resident.ts): gather by index, random projection
  'gather_input',
  'projection_matrix',
  'project_input',
  // the Meta RNN baseline (src/gpu/metaRnnGpu.ts), not the VSML engine
  'meta_rnn_step',
] as const;

export type ShaderName = (typeof SHADER_NAMES)[number];

/** shaders/<COMMON_NAME>.wgsl: declarations shared by the kernels, not a kernel itself. */
export const COMMON_NAME = 'common';

/** The kernels that get common.wgsl: all but meta_rnn_step, which has its own Dims and a scalar sigmoid. */
export const COMMON_KERNELS: readonly ShaderName[] = SHADER_NAMES.filter((n) => n !== 'meta_rnn_step');

/** WGSL source text of every kernel, common.wgsl included where it belongs: what createShaderModule gets. */
export type ShaderSources = Record<ShaderName, string>;

/**
 * The text of kernel `name` as compiled: its own file, then (for COMMON_KERNELS) common.wgsl. Appended,
 * not prepended: WGSL module-scope declarations may come after their use, so the kernel keeps its header
 * first and compile errors keep the kernel file's line numbers.
 */
export function withCommon(name: ShaderName, kernel: string, common: string): string {
  if (!COMMON_KERNELS.includes(name)) return kernel;
  const sep = kernel.endsWith('\n') ? '\n' : '\n\n';
  return `${kernel}${sep}// ---- ${COMMON_NAME}.wgsl (appended by src/gpu/shaders.ts) ----\n${common}`;
}

/** Build ShaderSources from a map of file names (or paths) ending in `<name>.wgsl`; throws naming what is missing. */
export function shaderSourcesFromFiles(files: Record<string, string>): ShaderSources {
  const byName = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    const m = /([A-Za-z0-9_]+)\.wgsl$/.exec(path);
    if (m) byName.set(m[1], text);
  }
  const missing = [...SHADER_NAMES, COMMON_NAME].filter((n) => !byName.has(n));
  if (missing.length > 0) throw new Error(`shaders: missing ${missing.map((n) => `${n}.wgsl`).join(', ')}`);
  const common = byName.get(COMMON_NAME) as string;
  const sources = SHADER_NAMES.map((n) => [n, withCommon(n, byName.get(n) as string, common)]);
  return Object.fromEntries(sources) as ShaderSources;
}
