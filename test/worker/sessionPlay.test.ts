// Playing in the worker: the loop advances until pause(), paces by the clock, never lets a frame or a
// state read into the middle of a block, and the same seed replays the same curves bit for bit.
import { describe, expect, it } from 'vitest';
import { ReferenceEngine } from '../../src/model/referenceEngine';
import type { BlockResult, RunOptions, StateVector, StreamBlock } from '../../src/model/engine';
import { chooseEngine } from '../../src/worker/shared/engineChoice';
import { cpuApi, heldClock, settings, tinyLearnerDoc, until } from './helpers';

/** The CPU engine with an asynchronous gap inside every block (as a GPU has), logging what overlaps. */
class SpyEngine extends ReferenceEngine {
  private inBlock = false;
  overlaps = 0;
  examples = 0;
  /** Run 0's slice (layer 1, c, j 2) after every block, by examples seen. */
  readonly sliceAt = new Map<number, Float32Array>();

  override async run(block: StreamBlock, opts?: RunOptions): Promise<BlockResult> {
    if (this.inBlock) this.overlaps++;
    this.inBlock = true;
    try {
      await new Promise((r) => setTimeout(r, 1));
      const r = await super.run(block, opts);
      this.examples += block.steps;
      this.sliceAt.set(this.examples, await super.readStateSlice(0, 1, 'c', 2));
      return r;
    } finally {
      this.inBlock = false;
    }
  }

  override async readStateSlice(run: number, layer: number, vector: StateVector, j: number): Promise<Float32Array> {
    if (this.inBlock) this.overlaps++;
    return super.readStateSlice(run, layer, vector, j);
  }
}

describe('play and pause (CPU engine, built-in MNIST 7x7, 3 runs, tiny learner)', () => {
  it('play(Infinity) advances on its own; pause() stops it, and nothing moves after', async () => {
    const a = cpuApi();
    await a.open(settings, tinyLearnerDoc());
    a.play(Infinity);
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) >= 50);
    expect((await a.frame())?.playing).toBe(true);
    await a.pause();
    const stopped = await a.frame();
    expect(stopped?.playing).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    const later = await a.frame();
    expect(later?.examplesSeen).toBe(stopped?.examplesSeen);
    expect(a.curves()?.examples).toBe(stopped?.examplesSeen);
    expect(later?.accuracy.vsml.x.at(-1)).toBe(stopped?.examplesSeen);
  });

  it('frames and state reads come between blocks only: the heatmap is the state after exactly examplesSeen examples', async () => {
    let spy: SpyEngine | null = null;
    const a = cpuApi({
      makeEngine: (spec) => chooseEngine(spec, null).then((c) => ({ ...c, engine: (spy = new SpyEngine(spec)) })),
    });
    await a.open(settings, tinyLearnerDoc());
    a.setView({ layer: 1, vector: 'c', j: 2 });
    a.play(Infinity);
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      const f = await a.frame();
      if (!f || !spy) throw new Error('open');
      const s: SpyEngine = spy;
      seen.push(f.examplesSeen);
      expect(f.accuracy.vsml.x.at(-1) ?? 0).toBe(f.examplesSeen);
      if (f.examplesSeen > 0)
        expect(Array.from(f.heatmap?.values ?? [])).toEqual(Array.from(s.sliceAt.get(f.examplesSeen) ?? [NaN]));
      await new Promise((r) => setTimeout(r, 2));
    }
    await a.pause();
    expect(spy && (spy as SpyEngine).overlaps).toBe(0);
    expect(seen.at(-1)).toBeGreaterThan(0);
  });

  it('setView: the heatmap is engine.readStateSlice(0, layer, vector, j) as [A][B]; null without a view; a bad view is a notice', async () => {
    let engine: ReferenceEngine | null = null;
    const a = cpuApi({
      makeEngine: (spec) =>
        chooseEngine(spec, null).then((c) => ({ ...c, engine: (engine = new ReferenceEngine(spec)) })),
    });
    await a.open(settings, tinyLearnerDoc());
    await a.step(25);
    for (const view of [
      { layer: 0, vector: 'h', j: 3 },
      { layer: 1, vector: 'c', j: 0 },
    ] as const) {
      a.setView(view);
      const f = await a.frame();
      const want = await (engine as unknown as ReferenceEngine).readStateSlice(0, view.layer, view.vector, view.j);
      expect(f?.heatmap?.view).toEqual(view);
      expect([f?.heatmap?.rows, f?.heatmap?.cols]).toEqual(view.layer === 0 ? [49, 3] : [3, 10]);
      expect(Array.from(f?.heatmap?.values ?? [])).toEqual(Array.from(want));
    }
    a.setView(null);
    expect((await a.frame())?.heatmap).toBeNull();
    a.setView({ layer: 1, vector: 'h', j: 4 });
    const bad = await a.frame();
    expect([bad?.heatmap, bad?.notice]).toEqual([null, 'view.j: must be an integer in [0, 4), got 4']);
    a.setView({ layer: 2, vector: 'h', j: 0 });
    expect((await a.frame())?.notice).toBe('view.layer: must be an integer in [0, 2), got 2');
  });

  it('restart(seed): the same seed gives the same curves bit for bit, in any blocks; another seed other curves', async () => {
    const a = cpuApi();
    await a.open(settings, tinyLearnerDoc());
    await a.step(60);
    const first = a.curves();
    expect((await a.restart(22)).ok).toBe(true);
    expect((await a.frame())?.examplesSeen).toBe(0);
    a.play(Infinity); // blocks sized by the clock this time
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) >= 60);
    await a.pause();
    const again = a.curves();
    for (const name of ['vsml', 'sgd']) {
      expect(again?.learners[name].mean.subarray(0, 60)).toEqual(first?.learners[name].mean);
      expect(again?.learners[name].std.subarray(0, 60)).toEqual(first?.learners[name].std);
    }
    await a.restart(23);
    await a.step(60);
    const other = a.curves();
    expect(other?.seed).toBe(23);
    expect(other?.learners.vsml.mean).not.toEqual(first?.learners.vsml.mean);
  });

  it('a new open replaces a playing session and starts paused', async () => {
    const a = cpuApi();
    await a.open(settings, tinyLearnerDoc());
    a.play(Infinity);
    await until(async () => ((await a.frame())?.examplesSeen ?? 0) >= 5);
    expect((await a.open({ ...settings, runs: 2 }, tinyLearnerDoc())).ok).toBe(true);
    const f = await a.frame();
    expect([f?.examplesSeen, f?.playing, a.info()?.runs]).toEqual([0, false, 2]);
  });
});

describe('pacing by the clock (a fake clock whose sleeps return at once, held at 9999 ms)', () => {
  it('play(2) runs one example every 500 ms: 20 by 9.5 s, 2 examples/s over the last 10, 2 x 3 runs x 177 cells = 1062 cell-ticks/s; pause() ends the wait and reads 0', async () => {
    const { clock, reached, now } = heldClock();
    const a = cpuApi({ clock });
    await a.open(settings, tinyLearnerDoc());
    a.play(2);
    await reached;
    const f = await a.frame();
    expect([now(), f?.examplesSeen, f?.playing]).toEqual([9500, 20, true]);
    expect(f?.speed).toEqual({ examplesPerSecond: 2, cellTicksPerSecond: 1062 });
    await a.pause();
    const paused = await a.frame();
    expect([paused?.playing, paused?.speed.examplesPerSecond]).toEqual([false, 0]);
  });
});
