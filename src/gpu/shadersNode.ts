// Shader sources for Node (CLI, tests): read shaders/*.wgsl next to the repository root.
import { readFileSync } from 'node:fs';
import { COMMON_NAME, SHADER_NAMES, shaderSourcesFromFiles, type ShaderSources } from './shaders';

export function loadShadersNode(dir: URL = new URL('../../shaders/', import.meta.url)): ShaderSources {
  const files = [...SHADER_NAMES, COMMON_NAME].map((n) => [
    `${n}.wgsl`,
    readFileSync(new URL(`${n}.wgsl`, dir), 'utf8'),
  ]);
  return shaderSourcesFromFiles(Object.fromEntries(files));
}
