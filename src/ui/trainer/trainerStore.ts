// The trainer page's one store: the config being edited (the document, its JSON text, the last check),
// what the worker last reported (run info, the latest changed frame, the saved run) and the banners.
// Actions live here and write only through `set`; the controller (trainerController.ts) talks to the
// worker and writes the replies. `createTrainerStore` makes a fresh one (tests); the page uses `trainerStore`.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { docFromJson, docToJson, getAt, setAt, type Doc } from './configDoc';
import { withEvalField } from './datasetRefs';
import { formFieldOf } from './configFields';
import type { SavedRun, TrainerFrame, TrainerInfo, TrainerPreset, UnreadableSave } from '../../worker/trainer/contract';

export type CheckStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'checking' }
  | { readonly state: 'ok'; readonly summary: string }
  /** `formField`: the form input the refusal is shown beside; null: shown at the JSON. */
  | { readonly state: 'bad'; readonly field: string; readonly message: string; readonly formField: string | null };

export type WakeLockStatus =
  | { readonly state: 'off' }
  | { readonly state: 'held' }
  | { readonly state: 'unsupported' }
  | { readonly state: 'refused'; readonly message: string };

export const DEFAULT_PRESET = 'quick-demo';

export interface TrainerStoreState {
  readonly presets: readonly TrainerPreset[];
  /** The preset the document started from; null before the presets arrive. */
  readonly presetName: string | null;
  /** The vsml-meta-config document the form and the JSON edit. */
  readonly doc: Doc;
  /** Bumped when the document is replaced from outside the form (preset, JSON): the inputs re-read it. */
  readonly docRevision: number;
  readonly jsonText: string;
  /** Why the JSON text is not a document (the document keeps its last good value). */
  readonly jsonError: string | null;
  readonly check: CheckStatus;
  /** Names of the files loaded from disk (data files, learners), kept while the page lives. */
  readonly loadedFiles: readonly string[];
  readonly info: TrainerInfo | null;
  readonly frame: TrainerFrame | null;
  /**
   * The autosaved run offered for resuming (at load, after a failed run), or why a stored one cannot be read; null once
   * resumed, discarded or replaced.
   */
  readonly saved: SavedRun | UnreadableSave | null;
  /** A start / resume is on its way to the worker. */
  readonly starting: boolean;
  readonly error: string | null;
  readonly notice: string | null;
  readonly wakeLock: WakeLockStatus;
  set(patch: Partial<Omit<TrainerStoreState, TrainerActions>>): void;
  /** The presets from the worker; the document starts as DEFAULT_PRESET's (or the first's) config. */
  setPresets(presets: readonly TrainerPreset[]): void;
  selectPreset(name: string): void;
  /**
   * The config of a resumed run (from its checkpoint) into the form, so the form shows what runs; the
   * preset picker shows the preset the run's name starts with ("quick-demo (modified)": quick-demo).
   */
  showRunConfig(doc: Doc, configName: string): void;
  /** A form edit: `value` at `path` (the form's text, read leniently; check() judges it). */
  editField(path: string, value: unknown): void;
  /** A field of held-out evaluation `index` (its default name dropped when it no longer fits: withEvalField). */
  editEvaluation(index: number, key: string, value: unknown): void;
  /** A JSON textarea edit: the document follows when the text is a JSON object. */
  editJson(text: string): void;
  /** A file from disk is held by the controller under this name. */
  addLoadedFile(name: string): void;
}

type TrainerActions =
  | 'set'
  | 'setPresets'
  | 'selectPreset'
  | 'showRunConfig'
  | 'editField'
  | 'editEvaluation'
  | 'editJson'
  | 'addLoadedFile';

export type TrainerStore = StoreApi<TrainerStoreState>;

const EMPTY_DOC: Doc = { format: 'vsml-meta-config', version: 1 };

export function createTrainerStore(): TrainerStore {
  return createStore<TrainerStoreState>()((set, get) => {
    const replaceDoc = (doc: Doc, presetName: string | null) =>
      set({ doc, presetName, jsonText: docToJson(doc), jsonError: null, docRevision: get().docRevision + 1 });
    return {
      presets: [],
      presetName: null,
      doc: EMPTY_DOC,
      docRevision: 0,
      jsonText: docToJson(EMPTY_DOC),
      jsonError: null,
      check: { state: 'idle' },
      loadedFiles: [],
      info: null,
      frame: null,
      saved: null,
      starting: false,
      error: null,
      notice: null,
      wakeLock: { state: 'off' },
      set: (patch) => set(patch),
      setPresets(presets) {
        set({ presets });
        const first = presets.find((p) => p.name === DEFAULT_PRESET) ?? presets[0];
        if (first) replaceDoc(first.config, first.name);
      },
      selectPreset(name) {
        const p = get().presets.find((q) => q.name === name);
        if (p) replaceDoc(p.config, p.name);
      },
      showRunConfig(doc, configName) {
        const preset = get().presets.find((p) => configName === p.name || configName.startsWith(`${p.name} `));
        replaceDoc(doc, preset?.name ?? get().presetName);
      },
      editField(path, value) {
        const doc = setAt(get().doc, path, value);
        set({ doc, jsonText: docToJson(doc), jsonError: null });
      },
      editEvaluation(index, key, value) {
        const path = `evaluation.datasets[${index}]`;
        get().editField(path, withEvalField(getAt(get().doc, path), key, value));
      },
      editJson(text) {
        const parsed = docFromJson(text);
        if (parsed.ok) set({ doc: parsed.doc, jsonText: text, jsonError: null, docRevision: get().docRevision + 1 });
        else set({ jsonText: text, jsonError: parsed.message });
      },
      addLoadedFile(name) {
        if (!get().loadedFiles.includes(name)) set({ loadedFiles: [...get().loadedFiles, name] });
      },
    };
  });
}

/** The bad check's message for the form field `key`, or null. */
export function fieldError(check: CheckStatus, key: string): string | null {
  return check.state === 'bad' && check.formField === key ? check.message : null;
}

/** A check refusal placed at its form field. */
export function badCheck(field: string, message: string): CheckStatus {
  return { state: 'bad', field, message, formField: formFieldOf(field) };
}

/** The page's store. */
export const trainerStore = createTrainerStore();

export function useTrainer<T>(selector: (s: TrainerStoreState) => T): T {
  return useStore(trainerStore, selector);
}
