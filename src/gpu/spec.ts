// What the WebGPU engine accepts of an EngineSpec (beyond what the config table checks).
import type { EngineSpec } from '../model/engine';
import { fail, ok, type Result } from '../model/result';

export function checkSpec(spec: EngineSpec): Result<true> {
  const pos = (v: number) => Number.isInteger(v) && v >= 1;
  if (!pos(spec.inputSize)) return fail('range', 'inputSize', `must be a positive integer, got ${spec.inputSize}`);
  if (!pos(spec.numClasses)) return fail('range', 'numClasses', `must be a positive integer, got ${spec.numClasses}`);
  if (!pos(spec.runs)) return fail('range', 'runs', `must be a positive integer, got ${spec.runs}`);
  const c = spec.config;
  if (c.backwardPass) return fail('unsupported', 'config.backwardPass', 'is not supported by the WebGPU engine');
  if (c.layerNorm) return fail('unsupported', 'config.layerNorm', 'is not supported by the WebGPU engine');
  if (c.stateSize > 64)
    return fail('range', 'config.stateSize', `the kernels hold at most 64 state dims, got ${c.stateSize}`);
  if (c.outputIndex >= c.messageSize)
    return fail('range', 'config.outputIndex', `must be below messageSize (${c.messageSize})`);
  return ok(true);
}
