// One GPU device for every session of a worker: acquired on the first engine asked for, kept while
// sessions come and go (so the per-device pipeline cache, src/gpu/pipelines.ts, compiles each
// kernel once per page and a restart, S or data set change only allocates buffers), dropped when it
// is lost and acquired again by the next engine. Engines made here never destroy the device.
import { acquireDevice, type GpuDevice } from '../../gpu/device';
import { GpuEngineError } from '../../gpu/errors';
import { createGpuEngine, pipelinesReady } from '../../gpu/gpuEngine';
import type { ShaderSources } from '../../gpu/shaders';
import type { EngineSpec } from '../../model/engine';
import type { LosableEngine } from './engineChoice';

/** GPU engines on one shared device. */
export interface GpuEngines {
  /** Whether make(spec) would only allocate buffers: the device is up and this grid's pipelines are compiled. */
  ready(spec: EngineSpec): boolean;
  /** A GPU engine for `spec` (the device is acquired first when there is none); failures are thrown (GpuEngineError). */
  make(spec: EngineSpec): Promise<LosableEngine>;
}

export function sharedGpu(gpu: GPU, shaders: ShaderSources): GpuEngines {
  let device: Promise<GpuDevice> | null = null;
  let up: GpuDevice | null = null;
  const acquire = (): Promise<GpuDevice> => {
    const current = (device ??= acquireDevice(gpu).then((r) => {
      if (!r.ok) throw new GpuEngineError(r.error);
      const d = r.value;
      up = d;
      void d.device.lost.then(() => {
        if (up === d) up = null;
        if (device === current) device = null;
      });
      return d;
    }));
    current.catch(() => {
      if (device === current) device = null;
    });
    return current;
  };
  return {
    ready: (spec) => up !== null && pipelinesReady(spec, up, shaders),
    make: async (spec) => createGpuEngine(spec, { gpu, shaders, device: await acquire() }),
  };
}
