// Draws a flat input vector as a grey image on a canvas: reshaped to the task's image (channels
// averaged) or, without one, to the smallest square that holds it; min-max scaled, nearest-neighbour.
export function drawGreyImage(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  shape: { height: number; width: number; channels: number } | null,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const C = shape && shape.height * shape.width * shape.channels === values.length ? shape.channels : 1;
  const H =
    shape && C * shape.height * shape.width === values.length ? shape.height : Math.ceil(Math.sqrt(values.length));
  const W = shape && C * shape.height * shape.width === values.length ? shape.width : Math.ceil(values.length / H);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi > lo ? hi - lo : 1;
  const img = new ImageData(W, H);
  for (let p = 0; p < H * W; p++) {
    let v = 0;
    if (p * C < values.length) {
      for (let c = 0; c < C; c++) v += values[p * C + c];
      v = Math.round((255 * (v / C - lo)) / span);
    }
    img.data[4 * p] = img.data[4 * p + 1] = img.data[4 * p + 2] = 255 - v;
    img.data[4 * p + 3] = 255;
  }
  const tmp = new OffscreenCanvas(W, H);
  tmp.getContext('2d')?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(tmp, 0, 0, canvas.width, canvas.height);
}
