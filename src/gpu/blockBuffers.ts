// Buffers of one block (or chunk of a block) shared by every shard: the streams, the per-example
// Step uniforms, and the results. They grow as needed and are reused between calls. A StreamBlock's
// inputs and labels are uploaded (upload); an indexed block's are gathered on the device (prepare).
import type { EngineSpec, StreamBlock } from '../model/engine';
import { packSteps } from './dims';
import { upload } from './upload';

type Name = 'inputs' | 'labels' | 'streamOfRun' | 'steps' | 'outputs' | 'loss' | 'correct';

const usage = (name: Name): number =>
  name === 'steps'
    ? GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST
    : GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export interface BlockSizes {
  /** Q x T x A inputs. */
  readonly inputs: number;
  /** Q x T labels. */
  readonly labels: number;
  /** S runs. */
  readonly runs: number;
  /** T steps, one Step record each `stepStride` bytes. */
  readonly steps: number;
  /** S x T x K outputs. */
  readonly outputs: number;
}

export class BlockBuffers {
  private readonly bufs = new Map<Name, GPUBuffer>();

  constructor(
    private readonly device: GPUDevice,
    private readonly spec: Pick<EngineSpec, 'inputSize' | 'numClasses' | 'runs'>,
    readonly stepStride: number,
  ) {}

  /** Upload examples [t0, t0 + Tc) of every stream, the stream map and Tc Step records. */
  upload(block: StreamBlock, streamOfRun: Uint32Array, Q: number, t0: number, Tc: number): Record<Name, GPUBuffer> {
    const { runs: S, inputSize: A, numClasses: K } = this.spec;
    const T = block.steps;
    const bufs = this.ensure({ inputs: Q * Tc * A, labels: Q * Tc, runs: S, steps: Tc, outputs: S * Tc * K });
    const q = this.device.queue;
    let x = block.inputs;
    let y = block.labels;
    if (Tc !== T) {
      x = new Float32Array(Q * Tc * A);
      y = new Int32Array(Q * Tc);
      for (let s = 0; s < Q; s++) {
        x.set(block.inputs.subarray((s * T + t0) * A, (s * T + t0 + Tc) * A), s * Tc * A);
        y.set(block.labels.subarray(s * T + t0, s * T + t0 + Tc), s * Tc);
      }
    }
    upload(q, bufs.inputs, 0, x);
    upload(q, bufs.labels, 0, y);
    upload(q, bufs.streamOfRun, 0, streamOfRun);
    upload(q, bufs.steps, 0, packSteps(Tc, this.stepStride));
    return bufs;
  }

  /**
   * For an indexed chunk of Tc examples of Q streams: sizes the buffers and uploads the stream map and
   * Step records only; the inputs and labels are filled on the device (ResidentInputs, resident.ts).
   */
  prepare(streamOfRun: Uint32Array, Q: number, Tc: number): Record<Name, GPUBuffer> {
    const { runs: S, inputSize: A, numClasses: K } = this.spec;
    const bufs = this.ensure({ inputs: Q * Tc * A, labels: Q * Tc, runs: S, steps: Tc, outputs: S * Tc * K });
    upload(this.device.queue, bufs.streamOfRun, 0, streamOfRun);
    upload(this.device.queue, bufs.steps, 0, packSteps(Tc, this.stepStride));
    return bufs;
  }

  /** Make sure every buffer holds the sizes; returns them (possibly new: rebuild bind groups). */
  ensure(s: BlockSizes): Record<Name, GPUBuffer> {
    const bytes: Record<Name, number> = {
      inputs: s.inputs * 4,
      labels: s.labels * 4,
      streamOfRun: s.runs * 4,
      steps: s.steps * this.stepStride,
      outputs: s.outputs * 4,
      loss: s.runs * s.steps * 4,
      correct: s.runs * s.steps * 4,
    };
    const out = {} as Record<Name, GPUBuffer>;
    for (const name of Object.keys(bytes) as Name[]) {
      const need = Math.max(16, Math.ceil(bytes[name] / 16) * 16);
      let b = this.bufs.get(name);
      if (!b || b.size < need) {
        b?.destroy();
        b = this.device.createBuffer({ label: `block ${name}`, size: need, usage: usage(name) });
        this.bufs.set(name, b);
      }
      out[name] = b;
    }
    return out;
  }

  destroy(): void {
    for (const b of this.bufs.values()) b.destroy();
    this.bufs.clear();
  }
}
