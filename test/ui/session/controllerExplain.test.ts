// The controller's pass-throughs for "explain this step" and the drawing pad, on the fake worker:
// replies come back as they are, refusals and failed calls as messages, and explainNext shows the
// session paused and asks for a new frame.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioController } from '../../../src/ui/session/controller';
import { createStudioStore, type StudioStore } from '../../../src/ui/state/studioStore';
import type { Frame } from '../../../src/worker/session/contract';
import { FakeSession, FakeStudioEnv, flush } from './fakeSession';

let worker: FakeSession;
let env: FakeStudioEnv;
let studio: StudioController;
let store: StudioStore;

const drawing = { width: 28, height: 28, pixels: new Uint8ClampedArray(784).fill(9) };
const prediction = {
  ok: true as const,
  input: new Float32Array([0.5]),
  probabilities: new Float32Array([0.25, 0.75]),
  predicted: 1,
};

beforeEach(() => {
  store = createStudioStore();
  worker = new FakeSession();
  env = new FakeStudioEnv();
  studio = new StudioController(worker.api, store, env);
});

afterEach(() => studio.dispose());

describe('StudioController.explainNext', () => {
  it("passes the worker's reply through, shows the session paused and pulls a frame after it", async () => {
    await studio.start();
    studio.play();
    expect(store.getState().playing).toBe(true);
    let frames = 0;
    worker.frameReply = () => (
      frames++,
      { examplesSeen: 6, playing: false, notice: null, infoRevision: 0 } as unknown as Frame
    );
    await flush();
    env.tick();
    await flush();
    const before = frames;
    const reply = await studio.explainNext();
    expect(reply).toEqual({ ok: false, message: 'explain: nothing is open' });
    expect(worker.calls).toContain('explainNext');
    expect(store.getState().playing).toBe(false);
    env.tick();
    await flush();
    expect(frames).toBeGreaterThan(before);
  });

  it('a call that fails (a worker gone) comes back as a refusal naming explain', async () => {
    worker.explainReply = () => {
      throw new Error('the worker is gone');
    };
    expect(await studio.explainNext()).toEqual({ ok: false, message: 'explain: the worker is gone' });
  });
});

describe('StudioController.peek, teach and reproduce', () => {
  it('hand the drawing and label to the worker and its replies back', async () => {
    worker.peekReply = () => prediction;
    worker.teachReply = () => prediction;
    worker.reproduceReply = () => ({ ok: true, stream: '{}', state: '{}', examples: 3, taught: 1 });
    expect(await studio.peek(drawing)).toEqual(prediction);
    expect(await studio.teach(drawing, 4)).toEqual(prediction);
    expect(worker.drawings.map((d) => [d.drawing.width, d.label])).toEqual([
      [28, null],
      [28, 4],
    ]);
    expect(await studio.reproduce()).toEqual({ ok: true, stream: '{}', state: '{}', examples: 3, taught: 1 });
  });

  it('refusals come back as the worker words them', async () => {
    worker.teachReply = () => ({ ok: false, message: 'label: must be an integer in [0, 10), got 12' });
    expect(await studio.teach(drawing, 12)).toEqual({
      ok: false,
      message: 'label: must be an integer in [0, 10), got 12',
    });
    expect(await studio.peek(drawing)).toEqual({ ok: false, message: 'drawing: this session takes no drawings' });
  });
});
