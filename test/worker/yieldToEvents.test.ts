// The play loop's pause between blocks: a macrotask, through setImmediate or a MessageChannel.
import { describe, expect, it, vi } from 'vitest';
import { yieldToEvents } from '../../src/worker/shared/yieldToEvents';

describe('yieldToEvents', () => {
  it('resolves after the microtasks queued before it, in call order (setImmediate, as in Node)', async () => {
    const order: string[] = [];
    const done = Promise.all([
      yieldToEvents().then(() => order.push('yield 1')),
      yieldToEvents().then(() => order.push('yield 2')),
    ]);
    void Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['microtask', 'yield 1', 'yield 2']);
  });

  it('without setImmediate (a browser worker) resolves through one MessageChannel, in call order, after queued microtasks', async () => {
    vi.stubGlobal('setImmediate', undefined);
    try {
      const order: string[] = [];
      const done = Promise.all([1, 2, 3].map((k) => yieldToEvents().then(() => order.push(`yield ${k}`))));
      void Promise.resolve().then(() => order.push('microtask'));
      await done;
      expect(order).toEqual(['microtask', 'yield 1', 'yield 2', 'yield 3']);
      await yieldToEvents(); // the channel is reused
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
