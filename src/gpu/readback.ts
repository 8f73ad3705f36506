// Reading GPU buffers back: copies into one staging buffer, encoded into the caller's command
// encoder (so they ride in the same command buffer as the work), then one map.

export interface ReadRange {
  readonly buffer: GPUBuffer;
  readonly offset: number;
  /** Bytes, a multiple of 4. */
  readonly size: number;
}

export class Readback {
  private constructor(
    private readonly staging: GPUBuffer,
    private readonly ranges: readonly { offset: number; size: number }[],
  ) {}

  /** Encode copies of `ranges` into a new staging buffer; call `read` after submitting. */
  static encode(device: GPUDevice, encoder: GPUCommandEncoder, ranges: readonly ReadRange[]): Readback {
    const placed: { offset: number; size: number }[] = [];
    let total = 0;
    for (const r of ranges) {
      placed.push({ offset: total, size: r.size });
      total += Math.ceil(r.size / 8) * 8;
    }
    const staging = device.createBuffer({
      label: 'readback',
      size: Math.max(8, total),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    ranges.forEach((r, i) => {
      if (r.size > 0) encoder.copyBufferToBuffer(r.buffer, r.offset, staging, placed[i].offset, r.size);
    });
    return new Readback(staging, placed);
  }

  /** The bytes of each range, in order (copies: the staging buffer is destroyed). */
  async read(): Promise<ArrayBuffer[]> {
    try {
      await this.staging.mapAsync(GPUMapMode.READ);
      const all = this.staging.getMappedRange();
      return this.ranges.map(({ offset, size }) => all.slice(offset, offset + size));
    } finally {
      this.staging.destroy();
    }
  }

  /** Give up without reading (e.g. the submit failed). */
  discard(): void {
    this.staging.destroy();
  }
}

/** One-off: copy ranges and read them. */
export async function readRanges(device: GPUDevice, ranges: readonly ReadRange[]): Promise<ArrayBuffer[]> {
  const encoder = device.createCommandEncoder({ label: 'readback' });
  const rb = Readback.encode(device, encoder, ranges);
  device.queue.submit([encoder.finish()]);
  return rb.read();
}
