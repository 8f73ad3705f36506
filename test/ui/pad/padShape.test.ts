// padShape: 28 x 28 for a grey 28 x 28 task or a resized grey one; a reason for no session, a task
// that is not pictures, colour pictures, and grey pictures of another size without a resize.
import { describe, expect, it } from 'vitest';
import { padShape } from '../../../src/ui/pad/padShape';

const task = (imageShape: { height: number; width: number; channels: number } | null) => ({
  imageShape,
  taskName: 'mnist/test',
});

describe('padShape', () => {
  it('draws 28 x 28 for MNIST, resized or not', () => {
    expect(padShape(task({ height: 28, width: 28, channels: 1 }), null)).toEqual({ ok: true, width: 28, height: 28 });
    expect(padShape(task({ height: 14, width: 14, channels: 1 }), 14)).toEqual({ ok: true, width: 28, height: 28 });
  });
  it('says why it cannot draw', () => {
    expect(padShape(null, null)).toEqual({ ok: false, reason: 'The session is starting; the pad opens with it.' });
    const reason = (r: ReturnType<typeof padShape>) => (r.ok ? 'ok' : r.reason);
    expect(reason(padShape(task(null), null))).toMatch(/^The task mnist\/test does not take pictures/);
    expect(reason(padShape(task({ height: 32, width: 32, channels: 3 }), null))).toMatch(
      /takes colour pictures \(3 channels\); the pad draws in grey/,
    );
    expect(reason(padShape(task({ height: 105, width: 105, channels: 1 }), null))).toMatch(
      /takes 105 x 105 pictures; the pad draws 28 x 28\. Resize the task to 28/,
    );
  });
});
