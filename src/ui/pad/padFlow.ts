// What the pad's buttons do, on the session (peek and teach through the page's controller) and the
// pad's store: ask for run 0's prediction for a drawing; teach a drawing as one labelled example (the
// reply is the prediction made before the label was seen), then ask again for the same drawing, so the
// page shows before and after; export the drawings taught as an IDX pair. A refusal becomes the pad's
// error line and leaves everything else as it was.
import { encodeDrawingsIdx, type IdxPair } from '../../model/formats/drawingsIdx';
import type { Drawing } from '../../model/explainTypes';
import { errorMessage, formatFieldError } from '../../model/result';
import type { PadPrediction, PadStore } from './padStore';

export type PadReply = ({ readonly ok: true } & PadPrediction) | { readonly ok: false; readonly message: string };

/** The session as the pad uses it: StudioController's peek and teach. */
export interface PadSession {
  peek(drawing: Drawing): Promise<PadReply>;
  teach(drawing: Drawing, label: number): Promise<PadReply>;
}

const prediction = ({ input, probabilities, predicted }: PadPrediction): PadPrediction => ({
  input,
  probabilities,
  predicted,
});

async function call(pad: PadStore, busy: 'asking' | 'teaching', run: () => Promise<string | null>): Promise<boolean> {
  if (pad.getState().busy) return false;
  pad.getState().set({ busy, error: null });
  let error: string | null;
  try {
    error = await run();
  } catch (e) {
    error = `worker: ${errorMessage(e)}`;
  }
  pad.getState().set({ busy: null, error });
  return error === null;
}

/** Run 0's prediction for the drawing (revision `revision` of the pad, in session `session`); false when refused. */
export function askPad(
  session: PadSession,
  pad: PadStore,
  drawing: Drawing,
  revision: number,
  sessionSerial: number,
): Promise<boolean> {
  return call(pad, 'asking', async () => {
    const r = await session.peek(drawing);
    if (!r.ok) return r.message;
    pad.getState().set({ guess: { prediction: prediction(r), revision, session: sessionSerial } });
    return null;
  });
}

/**
 * Teach the drawing as class `label`: the prediction before (teach's reply), then after (peek); the drawing joins the
 * page's drawings.
 */
export function teachPad(
  session: PadSession,
  pad: PadStore,
  drawing: Drawing,
  label: number,
  revision: number,
  sessionSerial: number,
): Promise<boolean> {
  return call(pad, 'teaching', async () => {
    const before = await session.teach(drawing, label);
    if (!before.ok) return before.message;
    pad.getState().set({ drawings: [...pad.getState().drawings, { drawing, label }] });
    const after = await session.peek(drawing);
    if (!after.ok) return after.message;
    pad.getState().set({
      lesson: {
        label,
        drawing,
        before: prediction(before),
        after: prediction(after),
        revision,
        session: sessionSerial,
      },
      guess: { prediction: prediction(after), revision, session: sessionSerial },
    });
    return null;
  });
}

/** The taught drawings as two IDX files, or why not (one line). */
export function exportPad(pad: PadStore): { ok: true; files: IdxPair; count: number } | { ok: false; message: string } {
  const drawings = pad.getState().drawings;
  const r = encodeDrawingsIdx(drawings);
  return r.ok
    ? { ok: true, files: r.value, count: drawings.length }
    : { ok: false, message: formatFieldError(r.error) };
}
