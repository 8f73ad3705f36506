// queue.writeBuffer for any typed array (views of shared or plain buffers alike), counting the bytes
// written per queue (uploadedBytes: what crossed from JS to the device, e.g. per ES step).
const written = new WeakMap<GPUQueue, number>();

export function upload(queue: GPUQueue, buffer: GPUBuffer, offset: number, data: ArrayBufferView): void {
  queue.writeBuffer(buffer, offset, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
  written.set(queue, (written.get(queue) ?? 0) + data.byteLength);
}

/** Bytes written through upload() to this queue so far (every engine on its device together). */
export const uploadedBytes = (queue: GPUQueue): number => written.get(queue) ?? 0;
