// The page's side of the studio worker: opens the session the settings describe (again whenever a
// session setting, the learner or the files change), relays play / pause / step / restart, and pulls
// frames, at most one per animation frame and only while one is not already on its way. Everything it
// learns goes into the live store; the worker does all computing. The worker port, animation frames,
// fetches and IndexedDB come in as `StudioEnv`, so this runs under test on a fake worker.
import type { DatasetFileRole } from '../../worker/catalog';
import { DATASET_CATALOG, TRAINED_LEARNER } from '../../worker/catalog';
import type { Frame } from '../../worker/session';
import type { SessionApi, SessionSettings } from '../../worker/sessionApi';
import { useLive } from '../state/liveStore';
import { useSettings } from '../state/settingsStore';
import { refusedUrlSetting, sessionSettings, type StudioSettings } from '../state/urlSettings';
import { readDataFile, readJsonFile, type PickedFile } from '../files/pickedFile';

/** The worker API as the page sees it through Comlink: every call answers later. */
export type SessionPort = {
  readonly [K in keyof SessionApi]: (...args: Parameters<SessionApi[K]>) => Promise<Awaited<ReturnType<SessionApi[K]>>>;
};

/** The page's services: animation frames, the shipped files, the trainer's handed-over learner, random seeds. */
export interface StudioEnv {
  /** requestAnimationFrame. */
  requestFrame(callback: () => void): void;
  /** GET a file the app ships (public/), by its path there ("learners/vsml-mnist.learner.json"). */
  fetchAsset(path: string): Promise<{ readonly status: number; json(): Promise<unknown> }>;
  /** The learner the trainer page handed over (IndexedDB), null when there is none. */
  loadTrainedLearner(): Promise<unknown | null>;
  /** A fresh random seed for "new seeds". */
  randomSeed(): number;
}

type FileSet = { [role: string]: { name: string; bytes: Uint8Array } };
type LearnerFile = { readonly name: string; readonly doc: unknown };

const LEARNER_FILE = 'file';
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * One change of what the session is opened from (a learner file, data files, a shipped learner),
 * applied when its turn in the open queue comes, so each is opened (checked) in the order it was made.
 */
interface Change {
  apply(): void;
  /** Put back what `apply` changed (the open was refused). */
  undo(): void;
  /** Before the refusal in the banner (the file's name). */
  readonly prefix: string;
  /** Open even when the settings' key is the running one (the same file name with new content). */
  readonly force: boolean;
}

/** What a session is opened from, as a string: equal keys need no reopen. */
function sessionKey(s: StudioSettings, learnerFile: LearnerFile | null, files: FileSet | undefined): string {
  return JSON.stringify({
    session: sessionSettings(s),
    learner: learnerFile ? `file:${learnerFile.name}` : s.learner,
    files: files ? Object.entries(files).map(([r, f]) => `${r}:${f.name}`) : [],
  });
}

export class StudioController {
  private readonly shipped = new Map<string, unknown>();
  private fileLearner: LearnerFile | null = null;
  /** Data files per dataset name, kept while the page lives. */
  private readonly files = new Map<string, FileSet>();
  /** What the running session was opened with: its key and its session settings. */
  private opened: { key: string; settings: SessionSettings; learner: string } | null = null;
  /** The open queue's tail: never rejects, so one failed open never stops the later ones. */
  private opening: Promise<unknown> = Promise.resolve();
  /** Data files being read, in the order they were picked. */
  private reading: Promise<unknown> = Promise.resolve();
  private framePending = false;
  private wantFrame = true;
  private lastNotice: string | null = null;
  private autoplay = true;
  /** The heatmap is read back only while it is on screen. */
  private heatmapVisible = true;
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(
    private readonly api: SessionPort,
    private readonly env: StudioEnv,
  ) {
    this.unsubscribe = useSettings.subscribe((s, prev) => this.onSettings(s.settings, prev.settings));
    const loop = () => {
      if (this.stopped) return;
      this.pump();
      env.requestFrame(loop);
    };
    env.requestFrame(loop);
  }

  /** Stop following the settings and pulling frames (tests make one controller each). */
  dispose(): void {
    this.stopped = true;
    this.unsubscribe();
  }

  /**
   * Open the session of the current settings (the first call, at start). A setting of the link that the
   * worker refuses ("classes: ...", "resize: ...") is named under its URL key and put back to its
   * default, and the open is tried again, so a link with a bad value still runs the rest of it.
   */
  async start(): Promise<void> {
    for (;;) {
      const refusal = await this.reopen();
      if (refusal === null || this.opened) return;
      const settings = useSettings.getState();
      const back = refusedUrlSetting(refusal, settings.settings);
      if (!back || sessionKey(back.settings, null, undefined) === sessionKey(settings.settings, null, undefined)) return;
      useLive.getState().set({ error: null, status: 'starting' });
      settings.refuseUrlSetting(back.error, back.settings);
    }
  }

  private keyOf(s: StudioSettings): string {
    return sessionKey(s, this.fileLearner, this.files.get(s.dataset));
  }

  private onSettings(s: StudioSettings, prev: StudioSettings): void {
    if (this.keyOf(s) !== this.keyOf(prev) && this.keyOf(s) !== this.opened?.key) {
      void this.reopen();
      return;
    }
    if (s.layer !== prev.layer || s.vector !== prev.vector || s.j !== prev.j) this.applyView(s);
    if (s.speed !== prev.speed && useLive.getState().playing) this.play();
  }

  private applyView(s: StudioSettings): void {
    const info = useLive.getState().info;
    if (!info) return;
    const layer = Math.min(s.layer, info.layers.length - 1);
    const j = Math.min(s.j, info.stateSize - 1);
    void this.api.setView(this.heatmapVisible ? { layer, vector: s.vector, j } : null);
    this.wantFrame = true;
  }

  /**
   * Open the session of the current settings, serialised: a change while one opens waits for it, then
   * `change` is applied and the newest settings open. A refusal (or anything thrown, e.g. a value
   * postMessage cannot clone) undoes `change` and is shown after its prefix with the settings put
   * back; it resolves to the refusal, or null. The queue goes on after any error.
   */
  private reopen(change?: Change): Promise<string | null> {
    const next = this.opening.then(async () => {
      let refusal: string | null;
      try {
        change?.apply();
        refusal = await this.openNow(change?.force ?? false);
      } catch (e) {
        refusal = `the session could not be opened: ${messageOf(e)}`;
      }
      if (refusal !== null) {
        change?.undo();
        this.refuse((change?.prefix ?? '') + refusal);
      }
      return refusal;
    });
    this.opening = next.catch(() => undefined);
    return next;
  }

  private async learnerDocument(id: string): Promise<{ ok: true; doc: unknown } | { ok: false; message: string }> {
    if (this.fileLearner) return { ok: true, doc: this.fileLearner.doc };
    if (id === TRAINED_LEARNER) return this.trainedLearner();
    const cached = this.shipped.get(id);
    if (cached !== undefined) return { ok: true, doc: cached };
    try {
      const res = await this.env.fetchAsset(`learners/${id}.learner.json`);
      if (res.status !== 200) return { ok: false, message: `learner: no shipped learner "${id}" (HTTP ${res.status})` };
      const doc: unknown = await res.json();
      this.shipped.set(id, doc);
      return { ok: true, doc };
    } catch (e) {
      return { ok: false, message: `learner: "${id}" could not be read: ${messageOf(e)}` };
    }
  }

  /** The learner the trainer page handed over ("Open in studio"), from this browser's IndexedDB. */
  private async trainedLearner(): Promise<{ ok: true; doc: unknown } | { ok: false; message: string }> {
    try {
      const doc = await this.env.loadTrainedLearner();
      if (doc === null) return { ok: false, message: 'learner: no learner from the trainer in this browser (use "Open in studio" on the trainer page)' };
      return { ok: true, doc };
    } catch (e) {
      return { ok: false, message: `learner: the trainer's learner could not be read: ${messageOf(e)}` };
    }
  }

  private missingFiles(dataset: string): readonly DatasetFileRole[] {
    const entry = DATASET_CATALOG.find((d) => d.name === dataset);
    const have = this.files.get(dataset) ?? {};
    return entry ? entry.required.filter((r) => !have[r]) : [];
  }

  /**
   * The open itself: null when it opened, had nothing to do or waits for files; else why it was
   * refused. What it opens (settings, learner, files) is taken before the first await, and the running
   * session's key is that, so a change made while the worker opens is seen as a change afterwards.
   */
  private async openNow(force: boolean): Promise<string | null> {
    const s = useSettings.getState().settings;
    const key = this.keyOf(s);
    if (!force && key === this.opened?.key) return null;
    const live = useLive.getState();
    const missing = this.missingFiles(s.dataset);
    if (missing.length > 0) {
      const title = DATASET_CATALOG.find((d) => d.name === s.dataset)?.title ?? s.dataset;
      live.set({ status: this.opened ? live.status : 'waiting-for-files', notice: `${title}: load its ${missing.join(' and ')} file${missing.length > 1 ? 's' : ''} from your disk to run it.` });
      return null;
    }
    const files = this.files.get(s.dataset);
    const learnerFile = this.fileLearner;
    const got = await this.learnerDocument(s.learner);
    if (!got.ok) return got.message;
    const wasPlaying = live.playing || this.autoplay;
    const reply = await this.api.open(sessionSettings(s), got.doc, files);
    if (!reply.ok) return reply.message;
    this.opened = { key, settings: sessionSettings(s), learner: s.learner };
    this.autoplay = false;
    live.set({ status: 'running', info: reply.info, frame: null, notice: null, error: null, playing: false, learnerFile: learnerFile?.name ?? null });
    this.applyView(useSettings.getState().settings);
    this.wantFrame = true;
    if (wasPlaying) this.play();
    return null;
  }

  /** A refused open: say why, and put the settings back to the running session's (if there is one). */
  private refuse(message: string): void {
    const live = useLive.getState();
    live.set({ error: message, status: this.opened ? live.status : 'failed' });
    if (this.opened) {
      const now = useSettings.getState().settings;
      useSettings.getState().replace({ ...now, ...this.opened.settings, learner: this.opened.learner });
    }
  }

  /** The heatmap scrolled into or out of view: read its slice back only while it shows. */
  setHeatmapVisible(visible: boolean): void {
    if (visible === this.heatmapVisible) return;
    this.heatmapVisible = visible;
    this.applyView(useSettings.getState().settings);
  }

  play(): void {
    const speed = useSettings.getState().settings.speed;
    void this.api.play(speed);
    useLive.getState().set({ playing: true });
    this.wantFrame = true;
  }

  async pause(): Promise<void> {
    useLive.getState().set({ playing: false });
    await this.api.pause();
    this.wantFrame = true;
  }

  togglePlay(): void {
    if (useLive.getState().playing) void this.pause();
    else this.play();
  }

  async stepOnce(): Promise<void> {
    useLive.getState().set({ playing: false });
    await this.api.step(1);
    this.wantFrame = true;
  }

  /** The same seeds again: the same streams and initial states, so the same curves. */
  async restartSameSeeds(): Promise<void> {
    const playing = useLive.getState().playing;
    const reply = await this.api.restart(useSettings.getState().settings.seed);
    if (!reply.ok) return this.refuse(reply.message);
    useLive.getState().set({ info: reply.info, frame: null, playing: false });
    this.wantFrame = true;
    if (playing) this.play();
  }

  /** New seeds: a fresh random seed in the settings (and so in the URL), which reopens the session. */
  newSeeds(): void {
    const seed = this.env.randomSeed();
    useSettings.getState().update({ seed });
  }

  /**
   * A learner file from disk, read within its limits (size, nesting, JSON: pickedFile.ts; the worker
   * checks every field), opened in its turn; a refusal names the file and the running session goes on.
   */
  async loadLearnerFile(file: PickedFile): Promise<void> {
    const read = await readJsonFile(file, 'learner');
    if (!read.ok) {
      useLive.getState().set({ error: read.message });
      return;
    }
    const mine: LearnerFile = { name: file.name, doc: read.value };
    let before: LearnerFile | null = null;
    await this.reopen({
      apply: () => {
        before = this.fileLearner;
        this.fileLearner = mine;
      },
      undo: () => {
        if (this.fileLearner === mine) this.fileLearner = before;
      },
      prefix: `${file.name}: `,
      force: true,
    });
  }

  /** Back to a shipped learner (drops a learner loaded from disk). */
  chooseShippedLearner(id: string): void {
    let before: LearnerFile | null = null;
    void this.reopen({
      apply: () => {
        before = this.fileLearner;
        this.fileLearner = null;
      },
      undo: () => {
        if (this.fileLearner === null) this.fileLearner = before;
        useLive.getState().set({ learnerFile: this.fileLearner?.name ?? null });
      },
      prefix: '',
      force: true,
    });
    useLive.getState().set({ learnerFile: null });
    useSettings.getState().update({ learner: id === LEARNER_FILE ? useSettings.getState().settings.learner : id });
  }

  /**
   * Data files from disk for a dataset, by role: each size checked before it is read, then merged into
   * the dataset's files when its turn in the open queue comes, so files picked while another open is
   * in flight are each opened (checked) in turn; the session opens once all required files are there.
   * A refused file is named and only it is taken out again.
   */
  async loadDataFiles(dataset: string, picked: { [role: string]: PickedFile }): Promise<void> {
    // Read in the order they were picked (a large file takes longer than a small one picked after
    // it), so their opens queue in that order too and a refusal undoes the file that caused it.
    const turn = this.reading.then(() => this.readDataFiles(picked));
    this.reading = turn.catch(() => undefined);
    const read = await turn;
    if (read === null) return;
    const show = () => {
      const set = this.files.get(dataset) ?? {};
      useLive.getState().set({ dataFiles: Object.fromEntries(Object.entries(set).map(([r, f]) => [r, f.name])) });
    };
    let before: FileSet = {};
    await this.reopen({
      apply: () => {
        before = this.files.get(dataset) ?? {};
        this.files.set(dataset, { ...before, ...read });
        useLive.getState().set({ notice: null });
        show();
      },
      undo: () => {
        const now: FileSet = { ...(this.files.get(dataset) ?? {}) };
        for (const [role, f] of Object.entries(read)) {
          if (now[role] !== f) continue;
          if (before[role]) now[role] = before[role];
          else delete now[role];
        }
        if (Object.keys(now).length > 0) this.files.set(dataset, now);
        else this.files.delete(dataset);
        show();
      },
      prefix: '',
      force: false,
    });
  }

  /** The picked files' bytes, or null when one is refused (named in the banner). */
  private async readDataFiles(picked: { [role: string]: PickedFile }): Promise<FileSet | null> {
    const read: FileSet = {};
    for (const [role, file] of Object.entries(picked)) {
      const r = await readDataFile(file);
      if (!r.ok) {
        useLive.getState().set({ error: r.message });
        return null;
      }
      read[role] = r.value;
    }
    return read;
  }

  /** Full-resolution accuracy data for export. */
  curves() {
    return this.api.curves();
  }

  /** One frame request at a time, only when something may have changed. */
  private pump(): void {
    const live = useLive.getState();
    if (this.framePending || !(live.playing || this.wantFrame) || !this.opened) return;
    this.framePending = true;
    this.wantFrame = false;
    this.api
      .frame()
      .then((frame: Frame | null) => this.onFrame(frame))
      .catch((e: unknown) => useLive.getState().set({ error: `worker: ${messageOf(e)}` }))
      .finally(() => {
        this.framePending = false;
      });
  }

  private async onFrame(frame: Frame | null): Promise<void> {
    if (!frame) return;
    const live = useLive.getState();
    // The page's play state leads (a frame asked for before "play" may still say paused); a loop that
    // stopped on its own says so with a notice.
    live.set(!frame.playing && frame.notice !== null && frame.notice !== this.lastNotice ? { frame, playing: false } : { frame });
    if (frame.notice !== this.lastNotice) {
      this.lastNotice = frame.notice;
      if (frame.notice !== null) {
        const info = await this.api.info();
        live.set({ notice: frame.notice, ...(info ? { info } : {}) });
      }
    }
  }
}
