// What the worker last reported: the session's info, the latest pulled frame, and the messages the
// page shows (a refused file or setting, a notice such as a recreated session after a lost device).
import { create } from 'zustand';
import type { Frame } from '../../worker/session';
import type { SessionInfo } from '../../worker/sessionApi';

export type SessionStatus = 'starting' | 'running' | 'waiting-for-files' | 'failed';

interface LiveState {
  readonly status: SessionStatus;
  readonly info: SessionInfo | null;
  readonly frame: Frame | null;
  readonly playing: boolean;
  /** A refused file or setting; the running session is untouched. Null: none. */
  readonly error: string | null;
  /** Something the user should know that is not an error of theirs (a lost device, a missing file). */
  readonly notice: string | null;
  /** Name of a learner file loaded from disk (overrides the shipped learner), or null. */
  readonly learnerFile: string | null;
  /** Names of the data files loaded from disk, by role. */
  readonly dataFiles: { readonly [role: string]: string };
  set(patch: Partial<Omit<LiveState, 'set'>>): void;
}

export const useLive = create<LiveState>()((set) => ({
  status: 'starting', info: null, frame: null, playing: false, error: null, notice: null, learnerFile: null, dataFiles: {},
  set: (patch) => set(patch),
}));
