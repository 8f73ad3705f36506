// Indexed blocks (src/model/engine.ts IndexedBlock) on any engine: the expansion into a StreamBlock
// that defines their values (gather, then the per-stream random projection exactly as the ES
// trajectories apply it: projectRows with P transposed, float64 sums), and runIndexedOn, which hands
// the block to an engine that runs it itself (the GPU engine) and expands it for the others.
import {
  checkIndexedBlock,
  type BlockResult,
  type IndexedBlock,
  type RunOptions,
  type StreamBlock,
  type VsmlEngine,
} from '../model/engine';
import { formatFieldError } from '../model/result';
import { projectionMatrix, projectRows, transposeSquare } from './transforms/projection';

/** The StreamBlock an indexed block stands for; throws naming the field when the block does not fit the spec. */
export function expandIndexedBlock(spec: VsmlEngine['spec'], block: IndexedBlock): StreamBlock {
  const layout = checkIndexedBlock(spec, block);
  if (!layout.ok) throw new Error(formatFieldError(layout.error));
  const { streams: Q, datasetOfStream, streamOfRun } = layout.value;
  const A = spec.inputSize;
  const T = block.steps;
  const inputs = new Float32Array(Q * T * A);
  const labels = new Int32Array(Q * T);
  const scratch = new Float32Array(4 * A);
  for (let q = 0; q < Q; q++) {
    const ds = block.datasets[datasetOfStream[q]];
    for (let t = 0; t < T; t++) {
      const n = block.indices[q * T + t];
      inputs.set(ds.inputs.subarray(n * A, (n + 1) * A), (q * T + t) * A);
      labels[q * T + t] = ds.labels[n];
    }
    const seed = block.projectionSeeds?.[q] ?? null;
    if (seed !== null)
      projectRows(inputs, q * T * A, T, transposeSquare(projectionMatrix(A, seed), A), A, inputs, q * T * A, scratch);
  }
  return { inputs, labels, steps: T, streamOfRun };
}

/** engine.runIndexed(block) where the engine has it, else engine.run of the block's expansion. */
export function runIndexedOn(engine: VsmlEngine, block: IndexedBlock, opts: RunOptions = {}): Promise<BlockResult> {
  return engine.runIndexed ? engine.runIndexed(block, opts) : engine.run(expandIndexedBlock(engine.spec, block), opts);
}
