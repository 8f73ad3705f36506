// Seeded, counter-based random numbers: value k of stream (seed, stream) is hash(seed, stream, k).
// 32-bit integer maths only, so the same sequence can be produced in WGSL.

/** Avalanche a 32-bit integer (lowbias32 by Chris Wellons). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The k-th 32-bit value of stream `stream` under `seed`. */
export function hash3(seed: number, stream: number, k: number): number {
  return mix32(mix32(mix32(seed >>> 0) ^ (stream >>> 0)) ^ (k >>> 0));
}

export class Rng {
  private counter = 0;
  private spare: number | null = null;

  constructor(
    readonly seed: number,
    readonly stream = 0,
  ) {}

  /** An independent generator for a named sub-stream (e.g. one run's initial state). */
  fork(stream: number): Rng {
    return new Rng(hash3(this.seed, this.stream, 0x9e3779b9 ^ stream), stream);
  }

  nextUint32(): number {
    return hash3(this.seed, this.stream, this.counter++);
  }

  /** Uniform in [0, 1), 24 bits. */
  uniform(): number {
    return (this.nextUint32() >>> 8) / 16777216;
  }

  /** Uniform in [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal (Box-Muller, both halves used). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /**
   * std * TruncNormal(-2, 2): a standard normal conditioned on |z| <= 2, times std, with no variance
   * correction (haiku's TruncatedNormal; effective std is about 0.88 * std).
   */
  truncNormal(std: number): number {
    for (;;) {
      const z = this.normal();
      if (z >= -2 && z <= 2) return z * std;
    }
  }
}
