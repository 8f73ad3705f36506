// Engine errors: thrown as GpuEngineError, which keeps the FieldError (code, field, message) so a
// worker can pass it on as a value.
import { formatFieldError, type FieldError } from '../model/result';

export class GpuEngineError extends Error {
  constructor(readonly error: FieldError) {
    super(formatFieldError(error));
    this.name = 'GpuEngineError';
  }
}

export const gpuError = (code: string, field: string, message: string): GpuEngineError =>
  new GpuEngineError({ code, field, message });

/** Run GPU calls inside validation and out-of-memory error scopes; a captured error is thrown. */
export async function withErrorScopes<T>(device: GPUDevice, what: string, fn: () => T): Promise<T> {
  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  let value: T | undefined;
  let thrown: unknown = null;
  try {
    value = fn();
  } catch (e) {
    thrown = e;
  }
  const validation = await device.popErrorScope();
  const oom = await device.popErrorScope();
  const err = validation ?? oom;
  if (err) throw gpuError(oom && !validation ? 'out-of-memory' : 'webgpu', what, err.message);
  if (thrown) throw thrown;
  return value as T;
}
