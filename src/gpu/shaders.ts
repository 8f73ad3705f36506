// The WGSL kernels by name. Loading is injected (Vite `?raw` in the browser, node:fs in the CLI and
// tests: see shadersVite.ts and shadersNode.ts), so this file stays platform-free.

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

/** WGSL source text of every kernel. */
export type ShaderSources = Record<ShaderName, string>;

/** Build ShaderSources from a map of file names (or paths) ending in `<name>.wgsl`; throws naming what is missing. */
export function shaderSourcesFromFiles(files: Record<string, string>): ShaderSources {
  const byName = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    const m = /([A-Za-z0-9_]+)\.wgsl$/.exec(path);
    if (m) byName.set(m[1], text);
  }
  const missing = SHADER_NAMES.filter((n) => !byName.has(n));
  if (missing.length > 0) throw new Error(`shaders: missing ${missing.map((n) => `${n}.wgsl`).join(', ')}`);
  return Object.fromEntries(SHADER_NAMES.map((n) => [n, byName.get(n) as string])) as ShaderSources;
}
