// Whether the pad can draw for the running task, and at what size: it draws at the data set's own
// side (the worker applies the session's resize, shuffle and normalisation, as to the data set's
// images), so it needs a single-channel picture task. Without a resize the task's picture is the data
// set's; with one the page cannot see the data set's side and draws at 28 x 28 (the built-in sets'),
// and a worker refusal names the size it wants. Pure.
import type { SessionInfo } from '../../worker/session/contract';

export const PAD_SIDE = 28;

export type PadShape =
  | { readonly ok: true; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly reason: string };

export function padShape(info: Pick<SessionInfo, 'imageShape' | 'taskName'> | null, resize: number | null): PadShape {
  if (!info) return { ok: false, reason: 'The session is starting; the pad opens with it.' };
  const shape = info.imageShape;
  if (!shape) {
    return {
      ok: false,
      reason: `The task ${info.taskName} does not take pictures (its inputs are generated numbers, or pixels mixed by a projection): a drawing cannot be one of its examples. Choose an image data set such as MNIST.`,
    };
  }
  if (shape.channels !== 1) {
    return {
      ok: false,
      reason: `The task ${info.taskName} takes colour pictures (${shape.channels} channels); the pad draws in grey. Choose a grey image data set such as MNIST.`,
    };
  }
  if (resize !== null) return { ok: true, width: PAD_SIDE, height: PAD_SIDE };
  if (shape.width !== PAD_SIDE || shape.height !== PAD_SIDE) {
    return {
      ok: false,
      reason: `The task ${info.taskName} takes ${shape.height} x ${shape.width} pictures; the pad draws ${PAD_SIDE} x ${PAD_SIDE}. Resize the task to ${PAD_SIDE} (settings: resize) or choose MNIST.`,
    };
  }
  return { ok: true, width: PAD_SIDE, height: PAD_SIDE };
}
