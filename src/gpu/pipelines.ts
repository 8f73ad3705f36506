// Compute pipelines, cached per device by kernel source and override constants (engines created
// one after another on one device compile each kernel variant once); one bind-group layout per kernel.
import { bindGroupLayoutEntries, KERNELS, type KernelName, type Overrides } from './kernels';

const caches = new WeakMap<GPUDevice, PipelineCache>();

/** The device's pipeline cache. */
export function pipelineCache(device: GPUDevice): PipelineCache {
  let c = caches.get(device);
  if (!c) {
    c = new PipelineCache(device);
    caches.set(device, c);
  }
  return c;
}

const pipelineKey = (name: KernelName, moduleId: number, constants: Overrides): string =>
  `${name}:${moduleId}:${JSON.stringify(Object.entries(constants).sort(([a], [b]) => (a < b ? -1 : 1)))}`;

export class PipelineCache {
  /** Shader modules by source text. */
  private readonly modules = new Map<string, { module: GPUShaderModule; id: number }>();
  private readonly layouts = new Map<KernelName, GPUBindGroupLayout>();
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();
  /** Keys of the pipelines compiled successfully (their promises have resolved). */
  private readonly compiled = new Set<string>();

  constructor(private readonly device: GPUDevice) {}

  layout(name: KernelName): GPUBindGroupLayout {
    let l = this.layouts.get(name);
    if (!l) {
      l = this.device.createBindGroupLayout({ label: name, entries: bindGroupLayoutEntries(KERNELS[name]) });
      this.layouts.set(name, l);
    }
    return l;
  }

  /** The pipeline of kernel `name` compiled from `code` with these constants; errors name the .wgsl file. */
  get(name: KernelName, code: string, constants: Overrides): Promise<GPUComputePipeline> {
    const m = this.module(name, code);
    const key = pipelineKey(name, m.id, constants);
    let p = this.pipelines.get(key);
    if (!p) {
      p = this.create(name, m.module, constants);
      this.pipelines.set(key, p);
      p.then(
        () => this.compiled.add(key),
        () => this.pipelines.delete(key),
      );
    }
    return p;
  }

  /** Whether get() with these arguments answers from the cache without compiling (compiled and resolved). */
  has(name: KernelName, code: string, constants: Overrides): boolean {
    const m = this.modules.get(code);
    return m !== undefined && this.compiled.has(pipelineKey(name, m.id, constants));
  }

  private module(name: KernelName, code: string): { module: GPUShaderModule; id: number } {
    let m = this.modules.get(code);
    if (!m) {
      m = { module: this.device.createShaderModule({ label: `${name}.wgsl`, code }), id: this.modules.size };
      this.modules.set(code, m);
    }
    return m;
  }

  private async create(name: KernelName, module: GPUShaderModule, constants: Overrides): Promise<GPUComputePipeline> {
    const layout = this.device.createPipelineLayout({ label: name, bindGroupLayouts: [this.layout(name)] });
    try {
      return await this.device.createComputePipelineAsync({
        label: name,
        layout,
        compute: { module, entryPoint: 'main', constants },
      });
    } catch (e) {
      const info = await module.getCompilationInfo();
      const msgs = info.messages.map((m) => `${name}.wgsl:${m.lineNum}:${m.linePos} ${m.type}: ${m.message}`);
      throw new Error(
        `pipeline ${name} ${JSON.stringify(constants)}: ${(e as Error).message}${msgs.length ? `\n${msgs.join('\n')}` : ''}`,
      );
    }
  }
}
