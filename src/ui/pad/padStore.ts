// The drawing pad's store, one per page (padFor: keyed by the page's controller, so it lives as long as
// the page and a test's fresh controller gets a fresh one): whether the pad is open, the user's class
// names, the class chosen to teach, the centring switch, the prediction for the drawing on the pad,
// the last lesson (the prediction before and after teaching it), and every drawing taught on this
// page with its label (the IDX export). Actions write only through `set`.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabelledDrawing } from '../../model/formats/drawingsIdx';
import type { Drawing } from '../../model/explainTypes';
import type { UserNames } from './padClasses';

/** Run 0's prediction for a drawing, as the worker replies (peek, teach). */
export interface PadPrediction {
  /** [A] the drawing after the session's data path. */
  readonly input: Float32Array;
  /** [K] */
  readonly probabilities: Float32Array;
  readonly predicted: number;
}

/** The prediction for the drawing on the pad: which drawing (revision) and which session it is of. */
export interface PadGuess {
  readonly prediction: PadPrediction;
  readonly revision: number;
  readonly session: number;
}

/**
 * One drawing taught: the prediction made before the label was seen, and run 0's prediction for the same drawing after.
 */
export interface PadLesson {
  readonly label: number;
  readonly drawing: Drawing;
  readonly before: PadPrediction;
  readonly after: PadPrediction;
  /** The pad's revision of the drawing taught. */
  readonly revision: number;
  readonly session: number;
}

export type PadBusy = 'asking' | 'teaching' | null;

export interface PadState {
  readonly open: boolean;
  /** The session was playing when the pad opened (it pauses while the pad is open) and plays again when it closes. */
  readonly resume: boolean;
  readonly names: UserNames;
  /** The class the next drawing is taught as; null until one is chosen. */
  readonly label: number | null;
  /** Scale and centre the drawing as MNIST's digits were (centre.ts) before it goes to the learner. */
  readonly centred: boolean;
  readonly guess: PadGuess | null;
  readonly lesson: PadLesson | null;
  /** Every drawing taught on this page, in order, as the learner got it. */
  readonly drawings: readonly LabelledDrawing[];
  readonly busy: PadBusy;
  /** The last refusal (the worker's, or a bad name), one line; null: none. */
  readonly error: string | null;
  set(patch: Partial<Omit<PadState, 'set'>>): void;
}

export type PadStore = StoreApi<PadState>;

export function createPadStore(): PadStore {
  return createStore<PadState>()((set) => ({
    open: false,
    resume: false,
    names: {},
    label: null,
    centred: true,
    guess: null,
    lesson: null,
    drawings: [],
    busy: null,
    error: null,
    set: (patch) => set(patch),
  }));
}

const pads = new WeakMap<object, PadStore>();

/** The page's pad store, made on first use for this owner (the page's controller). */
export function padFor(owner: object): PadStore {
  let pad = pads.get(owner);
  if (!pad) {
    pad = createPadStore();
    pads.set(owner, pad);
  }
  return pad;
}
