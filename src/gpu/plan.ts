// How an engine spec fits a device: runs split into shards so every buffer stays within the
// adapter's limits, and the kernel tuning that the workgroup limits allow. Pure: no GPU calls.
import type { EngineSpec } from '../model/engine';
import { specShapes } from '../model/engine';
import { fail, ok, type Result } from '../model/result';
import { wh16Offset, type KernelTuning } from './kernels';
import { gateRowVec4s, gateRows } from './packParams';

/** The device limits the engine depends on (a subset of GPUSupportedLimits). */
export interface EngineLimits {
  readonly maxStorageBufferBindingSize: number;
  readonly maxBufferSize: number;
  readonly maxComputeWorkgroupsPerDimension: number;
  readonly maxComputeWorkgroupStorageSize: number;
  readonly maxComputeInvocationsPerWorkgroup: number;
  readonly minUniformBufferOffsetAlignment: number;
}

export interface Shard {
  /** Global index of the first run. */
  readonly runBase: number;
  readonly runs: number;
}

export interface EnginePlan {
  readonly shards: readonly Shard[];
  readonly runsPerShard: number;
  /** Bytes of the largest per-shard buffer, per run (e.g. one layer's h). */
  readonly largestPerRun: { readonly name: string; readonly bytes: number };
  readonly tuning: KernelTuning;
}

export interface PlanOptions {
  /** Cap the runs of one shard (tests force sharding with it). */
  readonly maxRunsPerShard?: number;
  /** Override the tuning chosen from the limits (tests cover both grid_tick variants with it). */
  readonly tuning?: Partial<KernelTuning>;
}

export const mib = (bytes: number): string =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

/** "needs 150.5 MiB but maxStorageBufferBindingSize is 128.0 MiB (17.6% over)" */
export const overLimit = (bytes: number, limitName: string, limit: number): string =>
  `needs ${mib(bytes)} but ${limitName} is ${mib(limit)} (${((bytes / limit - 1) * 100).toFixed(1)}% over)`;

/** The binding limit that applies to one storage buffer: the smaller of the two limits. */
export function bufferLimit(limits: EngineLimits): { name: string; bytes: number } {
  return limits.maxBufferSize < limits.maxStorageBufferBindingSize
    ? { name: 'maxBufferSize', bytes: limits.maxBufferSize }
    : { name: 'maxStorageBufferBindingSize', bytes: limits.maxStorageBufferBindingSize };
}

/** Per-run bytes of every per-shard buffer, largest first. */
export function perRunBuffers(spec: EngineSpec): { name: string; bytes: number }[] {
  const N = spec.config.stateSize;
  const M = spec.config.messageSize;
  const out: { name: string; bytes: number }[] = [];
  specShapes(spec).forEach(({ A, B }, l) => {
    const grid = `${A}x${B}x${N}`;
    out.push({ name: `state buffer (h or c) of layer ${l} (${grid})`, bytes: A * B * N * 4 });
    out.push({ name: `gate input buffer U of layer ${l}`, bytes: A * gateRowVec4s(N) * 16 });
    out.push({ name: `gate input buffer V of layer ${l}`, bytes: B * gateRowVec4s(N) * 16 });
    out.push({ name: `message buffer of layer ${l}`, bytes: Math.max(A, B) * M * 4 });
  });
  return out.sort((x, y) => y.bytes - x.bytes);
}

/** Bytes of every engine buffer that scales with the runs (h and c counted), for messages. */
export function engineBytes(spec: EngineSpec): number {
  const perRun = perRunBuffers(spec).reduce((n, b) => n + (b.name.startsWith('state') ? 2 : 1) * b.bytes, 0);
  return spec.runs * perRun;
}

export function chooseTuning(spec: EngineSpec, limits: EngineLimits): KernelTuning {
  const N = spec.config.stateSize;
  const M = spec.config.messageSize;
  const wg = Math.min(64, limits.maxComputeInvocationsPerWorkgroup);
  // reduce_fwd: one thread per state dimension, and one per message dimension for the projection
  // (at most 64 threads and 256 bytes of workgroup memory, within every WebGPU device's limits).
  const reduceWg = Math.max(N, M);
  const E = gateRowVec4s(N);
  // grid_tick_n16 binds W_h as a uniform at a 256-byte multiple (a gate row is 256 bytes when N = 16).
  const n16 = N === 16 && wh16Offset(M) % limits.minUniformBufferOffsetAlignment === 0;
  return normalTuning({
    wg,
    reduceWg,
    whShared: E * E * 16 <= limits.maxComputeWorkgroupStorageSize,
    grid: n16 ? 'grid_tick_n16' : 'grid_tick',
    fuseLayer0: n16,
  });
}

/** fuseLayer0 only where grid_fused_n16 applies: N = 16 (grid_tick_n16). */
export const normalTuning = (t: KernelTuning): KernelTuning => ({
  ...t,
  fuseLayer0: t.fuseLayer0 && t.grid === 'grid_tick_n16',
});

export function planEngine(spec: EngineSpec, limits: EngineLimits, opts: PlanOptions = {}): Result<EnginePlan> {
  const S = spec.runs;
  if (!Number.isInteger(S) || S < 1) return fail('range', 'runs', `must be a positive integer, got ${S}`);
  const limit = bufferLimit(limits);
  const largestPerRun = perRunBuffers(spec)[0];
  if (largestPerRun.bytes > limit.bytes) {
    return fail(
      'limit',
      'grid',
      `${largestPerRun.name} for 1 run ${overLimit(largestPerRun.bytes, limit.name, limit.bytes)}`,
    );
  }
  const N = spec.config.stateSize;
  const paramBytes = S * gateRows(spec.config) * gateRowVec4s(N) * 16;
  if (paramBytes > limit.bytes) {
    return fail('limit', 'runs', `parameter buffer for ${S} runs ${overLimit(paramBytes, limit.name, limit.bytes)}`);
  }
  const tuning = normalTuning({ ...chooseTuning(spec, limits), ...opts.tuning });
  const runsPerShard = Math.max(
    1,
    Math.min(S, Math.floor(limit.bytes / largestPerRun.bytes), opts.maxRunsPerShard ?? S),
  );
  const shards: Shard[] = [];
  for (let runBase = 0; runBase < S; runBase += runsPerShard)
    shards.push({ runBase, runs: Math.min(runsPerShard, S - runBase) });
  return ok({ shards, runsPerShard, largestPerRun, tuning });
}

/**
 * Examples per submitted chunk of a block: the inputs ([Q][T][A]) and outputs ([S][T][K]) of a
 * chunk must each fit one buffer; `cap` bounds the command-buffer length.
 */
export function stepsPerChunk(spec: EngineSpec, streams: number, limits: EngineLimits, cap = 4096): Result<number> {
  const limit = bufferLimit(limits);
  const perStep = Math.max(streams * spec.inputSize * 4, spec.runs * spec.numClasses * 4);
  if (perStep > limit.bytes) {
    return fail(
      'limit',
      'inputs',
      `one example of ${streams} streams x ${spec.inputSize} inputs ${overLimit(perStep, limit.name, limit.bytes)}`,
    );
  }
  return ok(Math.max(1, Math.min(cap, Math.floor(limit.bytes / perStep))));
}
