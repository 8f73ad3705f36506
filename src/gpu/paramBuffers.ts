// V_M on the GPU: the packed gate matrix (vec4 rows) and the messengers, for 1 or S runs.
import type { VsmlConfig } from '../model/config';
import type { VmParams } from '../model/layout';
import { packParams } from './packParams';
import { upload } from './upload';

export class ParamBuffers {
  gateW: GPUBuffer | null = null;
  msgW: GPUBuffer | null = null;
  /** Per-run strides for the Dims uniform: 0 when one V_M is shared. */
  gateStride = 0;
  msgStride = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly cfg: VsmlConfig,
  ) {}

  /** Upload; returns true when the strides changed (the Dims uniforms must be rewritten). */
  write(params: readonly VmParams[]): boolean {
    const p = packParams(this.cfg, params);
    const gateStride = p.sets === 1 ? 0 : p.gateStride;
    const msgStride = p.sets === 1 ? 0 : p.msgStride;
    this.gateW = this.fit(this.gateW, 'gateW', p.gate.byteLength);
    this.msgW = this.fit(this.msgW, 'msgW', p.msg.byteLength);
    upload(this.device.queue, this.gateW, 0, p.gate);
    upload(this.device.queue, this.msgW, 0, p.msg);
    const changed = gateStride !== this.gateStride || msgStride !== this.msgStride;
    this.gateStride = gateStride;
    this.msgStride = msgStride;
    return changed;
  }

  private fit(b: GPUBuffer | null, label: string, bytes: number): GPUBuffer {
    if (b && b.size >= bytes) return b;
    b?.destroy();
    // UNIFORM too: grid_tick_n16 binds one run's W_h of the gate matrix as a uniform.
    return this.device.createBuffer({
      label,
      size: bytes,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
  }

  destroy(): void {
    this.gateW?.destroy();
    this.msgW?.destroy();
    this.gateW = this.msgW = null;
  }
}
