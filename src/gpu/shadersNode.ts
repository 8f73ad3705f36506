// Shader sources for Node (CLI, tests): read shaders/*.wgsl next to the repository root.
import { readFileSync } from 'node:fs';
import { SHADER_NAMES, type ShaderSources } from './shaders';

export function loadShadersNode(dir: URL = new URL('../../shaders/', import.meta.url)): ShaderSources {
  return Object.fromEntries(
    SHADER_NAMES.map((name) => [name, readFileSync(new URL(`${name}.wgsl`, dir), 'utf8')]),
  ) as ShaderSources;
}
