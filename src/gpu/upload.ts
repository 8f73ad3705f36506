// queue.writeBuffer for any typed array (views of shared or plain buffers alike).
export function upload(queue: GPUQueue, buffer: GPUBuffer, offset: number, data: ArrayBufferView): void {
  queue.writeBuffer(buffer, offset, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
}
