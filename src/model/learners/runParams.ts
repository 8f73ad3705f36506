// The parameters of R runs of a learned learner: one vector shared by every run (evaluation of one
// learner over many streams), or one per run (an ES population). Stored as one Float32Array; run r
// reads its vector at base(r).

export class RunParams {
  private data: Float32Array;
  private stride = 0;
  private loaded = false;

  constructor(
    /** Used in error messages, e.g. 'hebbian'. */
    readonly owner: string,
    readonly size: number,
    readonly runs: number,
  ) {
    this.data = new Float32Array(size);
  }

  /** Copy one vector for every run, or one per run; refuses a wrong count, length or a non-finite value. */
  set(params: readonly Float32Array[]): void {
    const { owner, size, runs } = this;
    if (params.length !== 1 && params.length !== runs) {
      throw new Error(`${owner}: params: expected 1 or ${runs} vectors, got ${params.length}`);
    }
    params.forEach((p, r) => {
      if (p.length !== size) throw new Error(`${owner}: params[${r}]: expected ${size} values, got ${p.length}`);
      for (let i = 0; i < size; i++) {
        if (!Number.isFinite(p[i])) throw new Error(`${owner}: params[${r}][${i}]: not a finite number`);
      }
    });
    if (this.data.length !== params.length * size) this.data = new Float32Array(params.length * size);
    params.forEach((p, r) => this.data.set(p, r * size));
    this.stride = params.length === 1 ? 0 : size;
    this.loaded = true;
  }

  /** All vectors, run r's at base(r). Throws until set() has been called. */
  get values(): Float32Array {
    if (!this.loaded) throw new Error(`${this.owner}: no parameters: call setParams first`);
    return this.data;
  }

  /** Where run r's vector starts in `values`. */
  base(r: number): number {
    return r * this.stride;
  }
}
