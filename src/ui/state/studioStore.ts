// The studio page's one store: the settings (mirrored into the URL by the page, main.tsx) and what the
// worker last reported (the session's info, the latest pulled frame, play state, a pending change, the
// banners, loaded file names). Actions write only through `set`/`update`; the controller
// (session/controller.ts) talks to the worker and writes the replies. `createStudioStore` makes a fresh
// one from a query string (tests make one each); components read it through context (useStudioState).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Frame } from '../../worker/session/contract';
import type { SessionInfo } from '../../worker/session/contract';
import { EMPTY_QUIZ, type QuizState } from '../quiz/quiz';
import { settingsFromUrl, type StudioSettings } from './urlSettings';

export type SessionStatus = 'starting' | 'running' | 'waiting-for-files' | 'failed';

/** A change on its way to the worker, shown at once on the click: what it is, in words ("restarting…"). */
export type Pending = 'starting…' | 'restarting…' | 'applying…' | null;

export interface StudioState {
  readonly settings: StudioSettings;
  /**
   * The link's bad keys (`key: reason`), read at start or refused by the worker's first open; each keeps its default.
   */
  readonly urlErrors: readonly string[];
  readonly status: SessionStatus;
  readonly info: SessionInfo | null;
  readonly frame: Frame | null;
  readonly playing: boolean;
  /**
   * A change (restart, new seeds, a setting, a preset) is on its way: shown until its session's first frame, or its
   * refusal.
   */
  readonly pending: Pending;
  /** Sessions installed on this page so far: 1 for the first; a new one (open, restart) adds one. */
  readonly sessionSerial: number;
  /** A refused file or setting; the running session is untouched. Null: none. */
  readonly error: string | null;
  /** Something the user should know that is not an error of theirs (a lost device, a missing file). */
  readonly notice: string | null;
  /** Name of a learner file loaded from disk (overrides the shipped learner), or null. */
  readonly learnerFile: string | null;
  /** Names of the learned-learner files loaded from disk that the running session runs, in the order loaded. */
  readonly learnedFiles: readonly string[];
  /**
   * Whose output probabilities the introspection strip shows: "vsml", a baseline or a learned learner's name (the frame
   * says whose it got: Frame.strip).
   */
  readonly strip: string;
  /** Names of the data files loaded from disk, by role. */
  readonly dataFiles: { readonly [role: string]: string };
  /** Predict first: the example revealed last and the viewer's answers (src/ui/quiz/quiz.ts). */
  readonly quiz: QuizState;
  set(patch: Partial<Omit<StudioState, StudioActions | 'settings' | 'urlErrors'>>): void;
  /** Some settings changed (a control, a preset). */
  update(patch: Partial<StudioSettings>): void;
  replace(settings: StudioSettings): void;
  /** A setting of the link the worker refused: named, and the settings with it back at its default. */
  refuseUrlSetting(error: string, settings: StudioSettings): void;
}

type StudioActions = 'set' | 'update' | 'replace' | 'refuseUrlSetting';

export type StudioStore = StoreApi<StudioState>;

/** A fresh store on the settings of a query string (`location.search`; "" for the defaults). */
export function createStudioStore(search = ''): StudioStore {
  const initial = settingsFromUrl(search);
  return createStore<StudioState>()((set, get) => ({
    settings: initial.settings,
    urlErrors: initial.errors,
    status: 'starting',
    info: null,
    frame: null,
    playing: false,
    pending: null,
    sessionSerial: 0,
    error: null,
    notice: null,
    learnerFile: null,
    learnedFiles: [],
    strip: 'vsml',
    dataFiles: {},
    quiz: EMPTY_QUIZ,
    set: (patch) => set(patch),
    update: (patch) => set({ settings: { ...get().settings, ...patch } }),
    replace: (settings) => set({ settings }),
    refuseUrlSetting: (error, settings) => set({ settings, urlErrors: [...get().urlErrors, error] }),
  }));
}
