// Engines for the trainer, made by an injected factory (cpu, webgpu, or any future engine) and kept
// across steps: one per (A, K, S). Each ES step only calls setParams/setState on them.
import type { VsmlConfig } from '../model/config';
import type { EngineSpec, VsmlEngine } from '../model/engine';

/** Makes an engine for a spec; may throw (no adapter, a grid over the device's limits). */
export type EngineFactory = (spec: EngineSpec) => Promise<VsmlEngine>;

export class EngineCache {
  private readonly engines = new Map<string, VsmlEngine>();

  /** At most `maxEngines` are kept; the least recently used is disposed beyond that. */
  constructor(
    private readonly factory: EngineFactory,
    private readonly config: VsmlConfig,
    private readonly maxEngines = 16,
  ) {}

  async get(inputSize: number, numClasses: number, runs: number): Promise<VsmlEngine> {
    const key = `${inputSize}x${numClasses}x${runs}`;
    const hit = this.engines.get(key);
    if (hit) {
      this.engines.delete(key);
      this.engines.set(key, hit);
      return hit;
    }
    const engine = await this.factory({ config: this.config, inputSize, numClasses, runs });
    this.engines.set(key, engine);
    while (this.engines.size > this.maxEngines) {
      const [oldKey, old] = this.engines.entries().next().value as [string, VsmlEngine];
      this.engines.delete(oldKey);
      old.dispose();
    }
    return engine;
  }

  get size(): number {
    return this.engines.size;
  }

  dispose(): void {
    for (const e of this.engines.values()) e.dispose();
    this.engines.clear();
  }
}
