// Fold a 1-D count of workgroups into a 3-D dispatch within maxComputeWorkgroupsPerDimension.
// Kernels rebuild the linear id as x + nx * (y + ny * z) and skip ids past their work.

export function foldWorkgroups(count: number, maxPerDim: number): [number, number, number] {
  if (count <= maxPerDim) return [Math.max(count, 1), 1, 1];
  const rows = Math.ceil(count / maxPerDim);
  if (rows <= maxPerDim) return [Math.ceil(count / rows), rows, 1];
  const planes = Math.ceil(rows / maxPerDim);
  if (planes > maxPerDim) throw new Error(`dispatch of ${count} workgroups exceeds ${maxPerDim}^3`);
  const y = Math.ceil(rows / planes);
  return [maxPerDim, y, planes];
}
