// The buffers of one shard (a contiguous range of runs): per layer the state (h and c, StateSoA per
// run), the incoming messages, the gate inputs U and V, and the Dims uniform; plus the last
// layer's forward message for the readout. When layer 0 is fused (grid_fused_n16) its fwdIn, U and V
// are not used and take 16 bytes each.
import type { VsmlConfig } from '../model/config';
import type { KernelTuning } from './kernels';
import { abjToSoA, soaToABJ, asSoA, type LayerShape, type RunState } from '../model/state';
import { packDims } from './dims';
import { gateRowVec4s } from './packParams';
import type { Shard } from './plan';
import { upload } from './upload';

export interface LayerBuffers {
  readonly shape: LayerShape;
  /** [runs][N][B][A] */
  readonly h: GPUBuffer;
  readonly c: GPUBuffer;
  /** [runs][A][M]: forward input messages (layer 0: the injected inputs). */
  readonly fwdIn: GPUBuffer;
  /** [runs][B][M]: backward input messages, carried to the next example. */
  readonly bwdIn: GPUBuffer;
  /** [runs][A][E] vec4 and [runs][B][E] vec4: the message parts of the gates (see packParams). */
  readonly U: GPUBuffer;
  readonly V: GPUBuffer;
  /** Byte offset of this layer's Dims in the shard's dims buffer. */
  readonly dimsOffset: number;
}

const STORAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export class ShardBuffers {
  readonly layers: LayerBuffers[];
  /** [runs][K][M]: the last layer's forward message. */
  readonly fwdTop: GPUBuffer;
  /** One Dims record per layer, `dimsStride` bytes apart. */
  readonly dims: GPUBuffer;
  private readonly all: GPUBuffer[] = [];

  constructor(
    private readonly device: GPUDevice,
    private readonly cfg: VsmlConfig,
    readonly shapes: readonly LayerShape[],
    readonly shard: Shard,
    readonly dimsStride: number,
    tuning: Pick<KernelTuning, 'fuseLayer0'>,
  ) {
    const N = cfg.stateSize;
    const M = cfg.messageSize;
    const R = shard.runs;
    const E = gateRowVec4s(N);
    const make = (label: string, bytes: number, usage = STORAGE()): GPUBuffer => {
      const b = device.createBuffer({ label: `${label} runs ${shard.runBase}+${R}`, size: Math.max(16, bytes), usage });
      this.all.push(b);
      return b;
    };
    this.dims = make('dims', dimsStride * shapes.length, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
    const fused = (l: number): boolean => l === 0 && tuning.fuseLayer0;
    this.layers = shapes.map((shape, l) => ({
      shape,
      h: make(`h[${l}]`, R * shape.A * shape.B * N * 4),
      c: make(`c[${l}]`, R * shape.A * shape.B * N * 4),
      fwdIn: make(`fwdIn[${l}]`, fused(l) ? 0 : R * shape.A * M * 4),
      bwdIn: make(`bwdIn[${l}]`, R * shape.B * M * 4),
      U: make(`U[${l}]`, fused(l) ? 0 : R * shape.A * E * 16),
      V: make(`V[${l}]`, fused(l) ? 0 : R * shape.B * E * 16),
      dimsOffset: l * dimsStride,
    }));
    this.fwdTop = make('fwdTop', R * shapes[shapes.length - 1].B * M * 4);
  }

  /** Write every layer's Dims for the current parameter strides. */
  writeDims(gateStride: number, msgStride: number): void {
    const { runs, runBase } = this.shard;
    this.layers.forEach(({ shape, dimsOffset }) => {
      upload(this.device.queue, this.dims, dimsOffset, packDims({ ...shape, runs, runBase, gateStride, msgStride }));
    });
  }

  /** Upload the states of this shard's runs (global run r = runBase + i uses states[r]). */
  writeStates(states: readonly RunState[]): void {
    const N = this.cfg.stateSize;
    this.layers.forEach(({ shape, h, c }, l) => {
      const per = shape.A * shape.B * N;
      const hs = new Float32Array(per * this.shard.runs);
      const cs = new Float32Array(per * this.shard.runs);
      for (let i = 0; i < this.shard.runs; i++) {
        const s = states[this.shard.runBase + i][l];
        abjToSoA(s.h, shape, N, hs.subarray(i * per, (i + 1) * per));
        abjToSoA(s.c, shape, N, cs.subarray(i * per, (i + 1) * per));
      }
      upload(this.device.queue, h, 0, hs);
      upload(this.device.queue, c, 0, cs);
    });
  }

  /** Zero the carried backward messages (pending error included). */
  clearCarry(encoder: GPUCommandEncoder): void {
    for (const l of this.layers) encoder.clearBuffer(l.bwdIn);
  }

  /** Byte range of one run's state vector (h or c) of a layer, optionally one dimension j. */
  stateRange(layer: number, localRun: number, j?: number): { offset: number; size: number } {
    const { A, B } = this.shapes[layer];
    const N = this.cfg.stateSize;
    const per = A * B * N * 4;
    if (j === undefined) return { offset: localRun * per, size: per };
    return { offset: localRun * per + j * A * B * 4, size: A * B * 4 };
  }

  /** StateSoA bytes of one run's layer back to [a][b][j]. */
  toABJ(layer: number, bytes: ArrayBuffer) {
    return soaToABJ(asSoA(new Float32Array(bytes)), this.shapes[layer], this.cfg.stateSize);
  }

  destroy(): void {
    for (const b of this.all) b.destroy();
    this.all.length = 0;
  }
}
