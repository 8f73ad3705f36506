// The CPU reference behind the engine interface (the ground truth; the fast CPU engine is src/cpu): S runs, each
// advanced with `tickNetwork`.
import {
  checkParams,
  runExamples,
  specShapes,
  type BlockResult,
  type EngineSpec,
  type RunOptions,
  type StateVector,
  type StreamBlock,
  type VsmlEngine,
} from './engine';
import type { VmParams } from './layout';
import { tickNetwork, zeroCarry, type RunCarry } from './reference';
import { formatFieldError } from './result';
import { cloneRunState, type LayerShape, type RunState } from './state';

export class ReferenceEngine implements VsmlEngine {
  readonly backend = 'reference' as const;
  readonly description: string;
  readonly shapes: readonly LayerShape[];
  private params: readonly VmParams[] = [];
  private carries: RunCarry[] = [];

  /**
   * `why`: why the reference runs where the fast CPU engine would (said in the description), e.g. no WebAssembly SIMD.
   */
  constructor(
    readonly spec: EngineSpec,
    why?: string,
  ) {
    this.shapes = specShapes(spec);
    this.description = `CPU reference (TypeScript, single thread${why ? `: ${why}` : ''})`;
  }

  setParams(params: readonly VmParams[]): void {
    const r = checkParams(this.spec, params);
    if (!r.ok) throw new Error(formatFieldError(r.error));
    this.params = params.map((p) => new Float32Array(p) as VmParams);
  }

  setState(states: readonly RunState[]): void {
    if (states.length !== this.spec.runs)
      throw new Error(`state: expected ${this.spec.runs} runs, got ${states.length}`);
    this.carries = states.map((s) => zeroCarry(this.spec.config, this.shapes, [...cloneRunState(s)]));
  }

  async run(block: StreamBlock, opts: RunOptions = {}): Promise<BlockResult> {
    if (this.params.length === 0) throw new Error('params: not set');
    if (this.carries.length === 0) throw new Error('state: not set');
    const { inputSize: A, config } = this.spec;
    return runExamples(this.spec, block, opts, (s, i, outputs, outOffset) => {
      const params = this.params[this.params.length === 1 ? 0 : s];
      const x = block.inputs.subarray(i * A, (i + 1) * A);
      const r = tickNetwork(config, params, this.shapes, this.carries[s], x, block.labels[i]);
      if (outputs) outputs.set(r.y, outOffset);
      return r;
    });
  }

  async readState(run: number): Promise<RunState> {
    return cloneRunState(this.carries[run].states);
  }

  async readStateSlice(run: number, layer: number, vector: StateVector, j: number): Promise<Float32Array> {
    const { A, B } = this.shapes[layer];
    const N = this.spec.config.stateSize;
    const src = this.carries[run].states[layer][vector];
    const out = new Float32Array(A * B);
    for (let cell = 0; cell < A * B; cell++) out[cell] = src[cell * N + j];
    return out;
  }

  dispose(): void {
    this.carries = [];
  }
}
