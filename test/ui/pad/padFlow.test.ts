// askPad / teachPad / exportPad on a fake session: the guess and the lesson (before from teach's reply,
// after from a peek of the same drawing), the drawings kept in order, a refusal as the pad's one error
// line with the rest untouched, one call at a time, and the export's IDX bytes.
import { describe, expect, it } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../../src/model/formats/idx';
import type { Drawing } from '../../../src/model/explainTypes';
import { askPad, exportPad, teachPad, type PadReply, type PadSession } from '../../../src/ui/pad/padFlow';
import { createPadStore, padFor } from '../../../src/ui/pad/padStore';

const K = 4;

/** Run 0 as a table of scores: peek is the softmax of them, teach returns it and then adds 2 to the label's score. */
class FakePadSession implements PadSession {
  scores = new Float64Array(K);
  calls: string[] = [];
  refuse: string | null = null;
  private reply(): PadReply {
    const e = Array.from(this.scores, Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    const probabilities = Float32Array.from(e, (v) => v / sum);
    let predicted = 0;
    for (let k = 1; k < K; k++) if (probabilities[k] > probabilities[predicted]) predicted = k;
    return { ok: true, input: new Float32Array(16), probabilities, predicted };
  }
  peek(d: Drawing): Promise<PadReply> {
    this.calls.push(`peek ${d.width}x${d.height}`);
    return Promise.resolve(this.refuse ? { ok: false, message: this.refuse } : this.reply());
  }
  teach(d: Drawing, label: number): Promise<PadReply> {
    this.calls.push(`teach ${label}`);
    if (this.refuse) return Promise.resolve({ ok: false, message: this.refuse });
    const before = this.reply();
    this.scores[label] += 2;
    return Promise.resolve(before);
  }
}

const drawing = (fill: number): Drawing => ({ width: 4, height: 4, pixels: new Uint8ClampedArray(16).fill(fill) });

describe('askPad', () => {
  it("stores run 0's prediction for the drawing with its revision and session", async () => {
    const pad = createPadStore();
    const session = new FakePadSession();
    expect(await askPad(session, pad, drawing(9), 3, 1)).toBe(true);
    const g = pad.getState().guess;
    expect([g?.revision, g?.session, g?.prediction.predicted]).toEqual([3, 1, 0]);
    expect(Array.from(g?.prediction.probabilities ?? [])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(pad.getState().busy).toBeNull();
  });
  it('shows a refusal as the error line and keeps the last guess', async () => {
    const pad = createPadStore();
    const session = new FakePadSession();
    await askPad(session, pad, drawing(9), 1, 1);
    session.refuse = "drawing.width: must be 28 (the data set's images), got 4";
    expect(await askPad(session, pad, drawing(9), 2, 1)).toBe(false);
    expect(pad.getState().error).toBe("drawing.width: must be 28 (the data set's images), got 4");
    expect(pad.getState().guess?.revision).toBe(1);
  });
});

describe('teachPad', () => {
  it('keeps the prediction before (teach) and after (peek) for the taught class, and the drawing with its label', async () => {
    const pad = createPadStore();
    const session = new FakePadSession();
    expect(await teachPad(session, pad, drawing(200), 2, 5, 1)).toBe(true);
    expect(session.calls).toEqual(['teach 2', 'peek 4x4']);
    const lesson = pad.getState().lesson;
    expect(lesson?.label).toBe(2);
    expect(lesson?.before.probabilities[2]).toBe(0.25);
    const after = Math.fround(Math.exp(2) / (3 + Math.exp(2)));
    expect(lesson?.after.probabilities[2]).toBe(after);
    expect(lesson?.after.predicted).toBe(2);
    expect(pad.getState().guess?.revision).toBe(5);
    expect(pad.getState().drawings.map((d) => [d.label, d.drawing.pixels[0]])).toEqual([[2, 200]]);
  });
  it('runs one call at a time: a teach while one is on its way does nothing', async () => {
    const pad = createPadStore();
    const session = new FakePadSession();
    const first = teachPad(session, pad, drawing(1), 1, 1, 1);
    expect(await teachPad(session, pad, drawing(2), 3, 2, 1)).toBe(false);
    expect(await first).toBe(true);
    expect(session.calls).toEqual(['teach 1', 'peek 4x4']);
  });
  it('keeps no drawing when teach is refused, and a thrown worker error becomes "worker: …"', async () => {
    const pad = createPadStore();
    const session = new FakePadSession();
    session.refuse = 'label: must be a class of the task (0 to 3), got 7';
    expect(await teachPad(session, pad, drawing(1), 7, 1, 1)).toBe(false);
    expect([pad.getState().error, pad.getState().drawings.length, pad.getState().lesson]).toEqual([
      'label: must be a class of the task (0 to 3), got 7',
      0,
      null,
    ]);
    session.teach = () => Promise.reject(new Error('DataCloneError'));
    expect(await teachPad(session, pad, drawing(1), 1, 1, 1)).toBe(false);
    expect(pad.getState().error).toBe('worker: DataCloneError');
  });
});

describe('exportPad', () => {
  it('refuses with no drawings, then writes the taught drawings as IDX images and labels', async () => {
    const pad = createPadStore();
    expect(exportPad(pad)).toEqual({ ok: false, message: 'drawings: there are no drawings to export' });
    const session = new FakePadSession();
    await teachPad(session, pad, drawing(10), 3, 1, 1);
    await teachPad(session, pad, drawing(20), 1, 2, 1);
    const r = exportPad(pad);
    if (!r.ok) throw new Error(r.message);
    const images = parseIdxImages(r.files.images, 'images');
    const labels = parseIdxLabels(r.files.labels, 'labels');
    expect(
      images.ok && [
        images.value.count,
        images.value.rows,
        images.value.cols,
        images.value.pixels[0],
        images.value.pixels[16],
      ],
    ).toEqual([2, 4, 4, 10, 20]);
    expect(labels.ok && [...labels.value]).toEqual([3, 1]);
  });
});

describe('padFor', () => {
  it('gives one store per owner, the same on every call', () => {
    const a = {};
    expect(padFor(a)).toBe(padFor(a));
    expect(padFor(a)).not.toBe(padFor({}));
  });
});
