// Shader sources for the browser build: Vite inlines shaders/*.wgsl as strings.
import { shaderSourcesFromFiles, type ShaderSources } from './shaders';

const files = import.meta.glob('../../shaders/*.wgsl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export const loadShadersVite = (): ShaderSources => shaderSourcesFromFiles(files);
