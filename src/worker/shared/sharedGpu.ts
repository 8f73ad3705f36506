// One GPU device for every session of a worker: acquired on the first engine asked for, kept while
// sessions come and go (so the per-device pipeline cache, src/gpu/pipelines.ts, compiles each
// kernel once per page and a restart, S or data set change only allocates buffers), dropped when it
// is lost and acquired again by the next engine. Engines made here never destroy the device.
import { acquireDevice, type GpuDevice } from '../../gpu/device';
import { GpuEngineError } from '../../gpu/errors';
import { createGpuEngine, pipelinesReady } from '../../gpu/gpuEngine';
import type { ShaderSources } from '../../gpu/shaders';
import type { GpuEngines } from './engineChoice';

export type { GpuEngines } from './engineChoice';

/** GPU engines on one shared device. */
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
