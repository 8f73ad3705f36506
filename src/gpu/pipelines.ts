// Compute pipelines, cached by kernel and override constants; one bind-group layout per kernel.
import { bindGroupLayoutEntries, KERNELS, type KernelName, type Overrides } from './kernels';
import type { ShaderSources } from './shaders';

export class PipelineCache {
  private readonly modules = new Map<KernelName, GPUShaderModule>();
  private readonly layouts = new Map<KernelName, GPUBindGroupLayout>();
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();

  constructor(
    private readonly device: GPUDevice,
    private readonly shaders: ShaderSources,
  ) {}

  layout(name: KernelName): GPUBindGroupLayout {
    let l = this.layouts.get(name);
    if (!l) {
      l = this.device.createBindGroupLayout({ label: name, entries: bindGroupLayoutEntries(KERNELS[name]) });
      this.layouts.set(name, l);
    }
    return l;
  }

  /** The pipeline of `name` with these constants; compile errors name the .wgsl file. */
  get(name: KernelName, constants: Overrides): Promise<GPUComputePipeline> {
    const key = `${name}:${JSON.stringify(Object.entries(constants).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
    let p = this.pipelines.get(key);
    if (!p) {
      p = this.create(name, constants);
      this.pipelines.set(key, p);
      p.catch(() => this.pipelines.delete(key));
    }
    return p;
  }

  private module(name: KernelName): GPUShaderModule {
    let m = this.modules.get(name);
    if (!m) {
      m = this.device.createShaderModule({ label: `${name}.wgsl`, code: this.shaders[KERNELS[name].shader] });
      this.modules.set(name, m);
    }
    return m;
  }

  private async create(name: KernelName, constants: Overrides): Promise<GPUComputePipeline> {
    const module = this.module(name);
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
      throw new Error(`pipeline ${name} ${JSON.stringify(constants)}: ${(e as Error).message}${msgs.length ? `\n${msgs.join('\n')}` : ''}`);
    }
  }
}
