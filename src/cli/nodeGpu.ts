// WebGPU for Node: Dawn through the `webgpu` npm package, on Vulkan.
// On a machine without a GPU driver, Debian's chromium ships SwiftShader (a CPU Vulkan); when its ICD
// file exists and VK_ICD_FILENAMES is unset, we point the Vulkan loader at it (scripts/swiftshader-env.sh
// does the same for shells). VSML_VULKAN=system leaves the choice to the loader (a real GPU driver).
// Dawn reads these variables when `create` makes the instance, not at import, so setting them here works.
import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** The Vulkan environment defaults nodeGpu applies (exported for tests and diagnostics). */
export function applyVulkanDefaults(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.VK_ICD_FILENAMES && env.VSML_VULKAN !== 'system' && existsSync(SWIFTSHADER_ICD)) {
    env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  env.XDG_RUNTIME_DIR ??= '/tmp';
}

let instance: GPU | null = null;

/** The process's Dawn instance (created once); also installs the WebGPU globals (GPUBufferUsage, ...). */
export function nodeGpu(): GPU {
  if (instance) return instance;
  applyVulkanDefaults();
  Object.assign(globalThis, globals);
  instance = create(['backend=vulkan']) as GPU;
  return instance;
}
