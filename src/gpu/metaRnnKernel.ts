// The Meta RNN kernel's sizes (shaders/meta_rnn_step.wgsl): its override constants, workgroup size,
// the per-run state layout and the Dims uniform, checked against the device limits.
import type { LearnedShape } from '../model/learners/learned';
import type { MetaRnnSpec } from '../model/learners/metaRnnSpec';
import { gpuError } from './errors';
import type { Overrides } from './kernels';
import type { EngineLimits } from './plan';

/** The most threads a workgroup is made of (WebGPU's guaranteed maxComputeWorkgroupSizeX). */
const MAX_WG = 256;

/** Threads per workgroup (one workgroup per run): one per LSTM unit, up to the device's limit. */
export const metaRnnWorkgroup = (H: number, limits: EngineLimits): number =>
  Math.min(H, MAX_WG, limits.maxComputeInvocationsPerWorkgroup);

/** Floats of one run's state: h [H], c [H], e [K], previous label [1] (−1: none). */
export const metaRnnStateFloats = (H: number, K: number): number => 2 * H + K + 1;

/** Bytes of workgroup memory: pre [H] vec4, h and the next h [H], y [K]. */
export const metaRnnWorkgroupBytes = (H: number, K: number): number => 16 * H + 8 * H + 4 * K;

export function metaRnnOverrides(shape: LearnedShape, spec: MetaRnnSpec, limits: EngineLimits): Overrides {
  return {
    A: shape.inputSize,
    K: shape.numClasses,
    H: spec.hidden,
    MICRO_TICKS: spec.microTicks,
    TANH_BOUND: spec.tanhBound,
    WG: metaRnnWorkgroup(spec.hidden, limits),
  };
}

/** struct Dims { runs, paramStride, pad, pad }: paramStride is 0 when one vector is shared. */
export const packMetaRnnDims = (runs: number, paramStride: number): Uint32Array =>
  Uint32Array.of(runs, paramStride, 0, 0);

/** Throws a 'limit' GpuEngineError when a buffer or the workgroup memory does not fit the device. */
export function checkMetaRnnLimits(
  shape: LearnedShape,
  spec: MetaRnnSpec,
  runs: number,
  paramCount: number,
  limits: EngineLimits,
): void {
  const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const params = runs * paramCount * 4;
  if (params > maxBinding) {
    throw gpuError(
      'limit',
      'runs',
      `${runs} parameter vectors of ${paramCount} floats need ${mib(params)}, over the device's ${mib(maxBinding)} per binding`,
    );
  }
  const state = runs * metaRnnStateFloats(spec.hidden, shape.numClasses) * 4;
  if (state > maxBinding) {
    throw gpuError(
      'limit',
      'runs',
      `the state of ${runs} runs needs ${mib(state)}, over the device's ${mib(maxBinding)} per binding`,
    );
  }
  const wgBytes = metaRnnWorkgroupBytes(spec.hidden, shape.numClasses);
  if (wgBytes > limits.maxComputeWorkgroupStorageSize) {
    throw gpuError(
      'limit',
      'hidden',
      `H ${spec.hidden}, K ${shape.numClasses} need ${wgBytes} bytes of workgroup memory, over the device's ${limits.maxComputeWorkgroupStorageSize}`,
    );
  }
}
