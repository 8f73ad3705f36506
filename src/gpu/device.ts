// Acquiring a WebGPU device with the adapter's real limits. Failures are values with a reason a
// person can act on (no WebGPU, no adapter, device request refused).
import { fail, ok, type Result } from '../model/result';
import type { EngineLimits } from './plan';

/** What the adapter says about itself, flattened (GPUAdapterInfo fields are getters). */
export interface AdapterSummary {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** A software or fallback adapter (e.g. SwiftShader): expect CPU speeds. */
  readonly software: boolean;
}

export interface GpuDevice {
  readonly adapter: GPUAdapter;
  readonly device: GPUDevice;
  readonly info: AdapterSummary;
  readonly limits: EngineLimits;
}

export interface DeviceOptions {
  readonly powerPreference?: GPUPowerPreference;
}

/** The limits the engine asks for: everything the adapter allows. */
const REQUESTED_LIMITS = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupsPerDimension',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxStorageBuffersPerShaderStage',
] as const;

export function summarizeAdapter(info: GPUAdapterInfo): AdapterSummary {
  const description = info.description ?? '';
  const fallback = (info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description,
    software: fallback || /swiftshader/i.test(`${description} ${info.vendor} ${info.architecture}`),
  };
}

/** "google swiftshader swiftshader-device-subzero- (SwiftShader driver 5.0.0) (software/fallback adapter)" */
export function describeAdapter(a: AdapterSummary): string {
  const name = [a.vendor, a.architecture, a.device].filter((s) => s.length > 0).join(' ') || 'unknown adapter';
  const desc = a.description && !name.includes(a.description) ? ` (${a.description})` : '';
  return `${name}${desc}${a.software ? ' (software/fallback adapter)' : ''}`;
}

export async function acquireDevice(gpu: GPU | undefined | null, opts: DeviceOptions = {}): Promise<Result<GpuDevice>> {
  if (!gpu) return fail('no-webgpu', 'gpu', 'WebGPU is not available here (navigator.gpu is missing)');
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter(opts.powerPreference ? { powerPreference: opts.powerPreference } : undefined);
  } catch (e) {
    return fail('no-adapter', 'gpu', `requestAdapter failed: ${(e as Error).message}`);
  }
  if (!adapter)
    return fail(
      'no-adapter',
      'gpu',
      'no WebGPU adapter: the browser or driver offers none (is hardware acceleration off?)',
    );
  const requiredLimits: Record<string, number> = {};
  for (const name of REQUESTED_LIMITS) requiredLimits[name] = adapter.limits[name];
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({ requiredLimits });
  } catch (e) {
    return fail('device', 'gpu', `requestDevice failed: ${(e as Error).message}`);
  }
  const l = device.limits;
  return ok({
    adapter,
    device,
    info: summarizeAdapter(adapter.info),
    limits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
      minUniformBufferOffsetAlignment: l.minUniformBufferOffsetAlignment,
    },
  });
}
