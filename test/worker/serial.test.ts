// One thing at a time on the engine, in the order queued; a failure goes to its caller only.
import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../src/worker/shared/serial';

describe('SerialQueue', () => {
  it('runs tasks one after another in queue order, even when the first waits longest', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([q.run(task('a', 15)), q.run(task('b', 1)), q.run(() => 'c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('passes a failure to its caller and goes on with the next task', async () => {
    const q = new SerialQueue();
    const failed = q.run(() => Promise.reject(new Error('device lost')));
    const next = q.run(() => 2);
    await expect(failed).rejects.toThrow('device lost');
    expect(await next).toBe(2);
  });
});
