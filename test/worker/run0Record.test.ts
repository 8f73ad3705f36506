// Run 0's record: the last example, the examples since the initial state as stream and state
// documents, a reset, and the byte bound named in the refusal.
import { describe, expect, it } from 'vitest';
import { parseStream } from '../../src/data/streamFile';
import { parseState } from '../../src/model/formats/state';
import { asABJ } from '../../src/model/state';
import { Run0Record, RUN0_RECORD_BYTES } from '../../src/worker/session/run0Record';

const state = [{ h: asABJ(new Float32Array(4)), c: asABJ(Float32Array.from([0.5, -0.25, 0, 1])) }];

describe('Run0Record', () => {
  it("keeps every example in order (a block of 2, then a taught one) and the last one's y", () => {
    const r = new Run0Record(2, 3, state);
    r.record(
      Float32Array.from([1, 2, 3, 4, 9, 9]),
      Int32Array.from([0, 2, 1]),
      Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]),
      2,
    );
    r.record(Float32Array.from([5, 6]), Int32Array.from([1]), Float32Array.from([7, 8, 9]), 1, true);
    expect(r.last && [Array.from(r.last.x), r.last.label, Array.from(r.last.y)]).toEqual([[5, 6], 1, [7, 8, 9]]);
    const docs = r.documents();
    if (!docs.ok) throw new Error(docs.message);
    expect([docs.examples, docs.taught]).toEqual([3, 1]);
    const s = parseStream(JSON.parse(docs.stream));
    expect(s.ok && [Array.from(s.value.inputs), Array.from(s.value.labels), s.value.numClasses]).toEqual([
      [1, 2, 3, 4, 5, 6],
      [0, 2, 1],
      3,
    ]);
    const back = parseState(JSON.parse(docs.state), { shapes: [{ A: 1, B: 2 }], stateSize: 2 });
    expect(back.ok && Array.from(back.value[0].c)).toEqual([0.5, -0.25, 0, 1]);
  });

  it('reset forgets the examples and the last one', () => {
    const r = new Run0Record(1, 2, state);
    r.record(Float32Array.from([1]), Int32Array.from([0]), Float32Array.from([0, 1]), 1);
    r.reset();
    expect([r.last, r.examples, r.resets]).toEqual([null, 0, 1]);
    expect(r.documents()).toEqual({
      ok: false,
      message: 'reproduce: run 0 has taken no example since its initial state yet',
    });
  });

  it(`over ${RUN0_RECORD_BYTES / 2 ** 20} MiB it keeps the last example but refuses reproduce, naming the bound`, () => {
    const A = 1 << 20; // 4 MiB per example with its label
    const r = new Run0Record(A, 2, state);
    for (let t = 0; t < 5; t++)
      r.record(new Float32Array(A).fill(t), Int32Array.from([t % 2]), Float32Array.from([t, 0]), 1);
    expect(r.last?.label).toBe(0);
    expect(r.documents()).toEqual({
      ok: false,
      message:
        "reproduce: run 0's 5 examples since its initial state are 20.0 MiB, over the 16 MiB the session keeps; restart the session and reproduce sooner",
    });
  });
});
