// The page's side of the studio worker: opens the session the settings describe (again whenever a
// session setting, the learner or the files change), relays play / pause / step / restart, and pulls
// frames, at most one per animation frame and only while one is not already on its way. A change
// shows as pending at once, on the click; changes made while an open is on its way are merged into
// one open of the newest settings (intermediate ones are dropped, not replayed). Learned learners
// without variable sharing (shipped ones by id in the settings, files from disk kept here) go with
// every open as documents, each an extra line on the same streams. Everything it learns
// goes into the page's store; the worker does all computing. The worker port, animation frames,
// fetches and IndexedDB come in as `StudioEnv`, so this runs under test on a fake worker.
import type { DatasetFileRole } from '../../worker/catalog';
import { DATASET_CATALOG, missingDataFiles } from '../../worker/catalog';
import type { Frame } from '../../worker/session/contract';
import type {
  Drawing,
  ExplainReply,
  LearnedDocument,
  PeekReply,
  ReproduceReply,
  SessionApi,
  SessionInfo,
  SessionSettings,
  TeachReply,
} from '../../worker/session/contract';
import type { Pending, StudioStore } from '../state/studioStore';
import { refusedUrlSetting, sessionSettings, type StudioSettings } from '../state/urlSettings';
import { readDataFile, type PickedFile } from '../files/pickedFile';
import { LearnerSources, type LearnerFetch, type LearnerFile } from './learnerSources';
import { errorMessage } from '../../model/result';

/** The worker API as the page sees it through Comlink: every call answers later. */
export type SessionPort = {
  readonly [K in keyof SessionApi]: (...args: Parameters<SessionApi[K]>) => Promise<Awaited<ReturnType<SessionApi[K]>>>;
};

/** The page's services: animation frames, the shipped files, random seeds. */
export interface StudioEnv extends Pick<LearnerFetch, 'fetchAsset'> {
  /** requestAnimationFrame. */
  requestFrame(callback: () => void): void;
  /** A fresh random seed for "new seeds". */
  randomSeed(): number;
}

type FileSet = { [role: string]: { name: string; bytes: Uint8Array } };

const LEARNER_FILE = 'file';

/**
 * One change of what the session is opened from (a learner file, data files, a shipped learner),
 * applied when its turn in the open queue comes, so each is opened (checked) in the order it was made.
 */
interface Change {
  apply(): void;
  /** Put back what `apply` changed (the open was refused, for `refusal`). */
  undo(refusal: string): void;
  /** Before the refusal in the banner (the file's name). */
  readonly prefix: string;
  /** Open even when the settings' key is the running one (the same file name with new content). */
  readonly force: boolean;
}

/**
 * An open of the newest settings waiting for its turn: every settings change and restart made meanwhile merges into it.
 */
interface QueuedOpen {
  /** A restart was asked for: open anew even when the settings' key is the running one. */
  restart: boolean;
  readonly done: Promise<string | null>;
}

/** What a session is opened from, as a string: equal keys need no reopen. */
function sessionKey(
  s: StudioSettings,
  learnerFile: LearnerFile | null,
  files: FileSet | undefined,
  learnedFiles: readonly LearnerFile[] = [],
): string {
  return JSON.stringify({
    session: sessionSettings(s),
    learner: learnerFile ? `file:${learnerFile.name}` : s.learner,
    learned: [...s.learned, ...learnedFiles.map((f) => `file:${f.name}`)],
    files: files ? Object.entries(files).map(([r, f]) => `${r}:${f.name}`) : [],
  });
}

export class StudioController {
  private readonly learners: LearnerSources;
  private fileLearner: LearnerFile | null = null;
  /** Learned-learner files from disk, in the order loaded (one per name). */
  private learnedFiles: readonly LearnerFile[] = [];
  /** Data files per dataset name, kept while the page lives. */
  private readonly files = new Map<string, FileSet>();
  /** Per dataset name, the files its last session that opened was opened with. */
  private readonly openedFiles = new Map<string, FileSet>();
  /** What the running session was opened with: its key and its session settings. */
  private opened: { key: string; settings: SessionSettings; learner: string; learned: readonly string[] } | null = null;
  /** The open queue's tail: never rejects, so one failed open never stops the later ones. */
  private opening: Promise<unknown> = Promise.resolve();
  /** The settings open waiting in the queue, if any (changes merge into it). */
  private queued: QueuedOpen | null = null;
  /** Data files being read, in the order they were picked. */
  private reading: Promise<unknown> = Promise.resolve();
  private framePending = false;
  private wantFrame = true;
  private lastNotice: string | null = null;
  private lastInfoRevision: number | null = null;
  private autoplay = true;
  /**
   * The running session was paused because the settings name a dataset whose files are missing; play again on return.
   */
  private playAfterFiles = false;
  /** The heatmap is read back only while it is on screen. */
  private heatmapVisible = true;
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(
    private readonly api: SessionPort,
    private readonly store: StudioStore,
    private readonly env: StudioEnv,
  ) {
    this.learners = new LearnerSources({
      fetchAsset: (path) => env.fetchAsset(path),
      trainedLearner: () => api.trainedLearner(),
    });
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.settings !== prev.settings) this.onSettings(s.settings, prev.settings);
    });
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
      const refusal = await this.reopen({ pending: 'starting…' });
      if (refusal === null || this.opened) return;
      const state = this.store.getState();
      const back = refusedUrlSetting(refusal, state.settings);
      if (!back || sessionKey(back.settings, null, undefined) === sessionKey(state.settings, null, undefined)) return;
      state.set({ error: null, status: 'starting' });
      state.refuseUrlSetting(back.error, back.settings);
    }
  }

  private keyOf(s: StudioSettings): string {
    return sessionKey(s, this.fileLearner, this.files.get(s.dataset), this.learnedFiles);
  }

  private onSettings(s: StudioSettings, prev: StudioSettings): void {
    if (
      this.keyOf(s) !== this.keyOf(prev) &&
      (this.keyOf(s) !== this.opened?.key || this.store.getState().status === 'waiting-for-files')
    ) {
      void this.reopen({ pending: 'applying…' });
      return;
    }
    if (s.layer !== prev.layer || s.vector !== prev.vector || s.j !== prev.j) this.applyView(s);
    if (s.speed !== prev.speed && this.store.getState().playing) this.play();
  }

  private applyView(s: StudioSettings): void {
    const info = this.store.getState().info;
    if (!info) return;
    const layer = Math.min(s.layer, info.layers.length - 1);
    const j = Math.min(s.j, info.stateSize - 1);
    void this.api.setView(this.heatmapVisible ? { layer, vector: s.vector, j } : null);
    this.wantFrame = true;
  }

  /** Show `pending` now, unless a change is already shown as pending. */
  private showPending(pending: Pending): void {
    if (pending !== null && this.store.getState().pending === null) this.store.getState().set({ pending });
  }

  /**
   * Open the session of the newest settings in its turn: it merges into an open already waiting (the
   * newest settings win; nothing is replayed), else joins the queue. `restart`: open anew even when
   * nothing changed. Resolves to the refusal, or null.
   */
  private reopen(o: { pending: Pending; restart?: boolean }): Promise<string | null> {
    this.showPending(o.pending);
    if (this.queued) {
      this.queued.restart ||= o.restart ?? false;
      return this.queued.done;
    }
    const mine: { restart: boolean; done?: Promise<string | null> } = { restart: o.restart ?? false };
    const done = this.enqueue(async () => {
      if (this.queued === mine) this.queued = null;
      return this.openNow(mine.restart ? 'restart' : 'changed');
    });
    mine.done = done;
    this.queued = mine as QueuedOpen;
    return done;
  }

  /**
   * Apply `change` in its turn in the open queue and open with it. A refusal (or anything thrown, e.g.
   * a value postMessage cannot clone) undoes `change` and is shown after its prefix with the settings
   * put back; it resolves to the refusal, or null.
   */
  private reopenWith(change: Change): Promise<string | null> {
    this.showPending('applying…');
    return this.enqueue(async () => {
      change.apply();
      let refusal: string | null;
      try {
        refusal = await this.openNow(change.force ? 'force' : 'changed');
      } catch (e) {
        change.undo(errorMessage(e));
        throw e;
      }
      if (refusal !== null) change.undo(refusal);
      return refusal;
    }, change.prefix);
  }

  /**
   * Run `open` after every open before it; a refusal or a throw is shown (after `prefix`); the queue goes on after any
   * error.
   */
  private enqueue(open: () => Promise<string | null>, prefix = ''): Promise<string | null> {
    const next = this.opening.then(async () => {
      let refusal: string | null;
      try {
        refusal = await open();
      } catch (e) {
        refusal = `the session could not be opened: ${errorMessage(e)}`;
      }
      if (refusal !== null) this.refuse(prefix + refusal);
      if (!this.queued) this.store.getState().set({ pending: null });
      return refusal;
    });
    this.opening = next.catch(() => undefined);
    return next;
  }

  private missingFiles(dataset: string): readonly DatasetFileRole[] {
    const entry = DATASET_CATALOG.find((d) => d.name === dataset);
    const have = this.files.get(dataset) ?? {};
    return entry ? missingDataFiles(entry, have) : [];
  }

  /**
   * The open itself: null when it opened, had nothing to do or waits for files; else why it was
   * refused. What it opens (settings, learner, files) is taken before the first await, and the running
   * session's key is that, so a change made while the worker opens is seen as a change afterwards.
   * `why`: "changed" opens only when the key differs from the running one; "restart" restarts the
   * running session with the settings' seed when the key is the same; "force" always opens.
   */
  private async openNow(why: 'changed' | 'restart' | 'force'): Promise<string | null> {
    const state = this.store.getState();
    const s = state.settings;
    const key = this.keyOf(s);
    const same = key === this.opened?.key;
    const missing = this.missingFiles(s.dataset);
    if (missing.length > 0) return this.waitForFiles(s.dataset, missing);
    if (same && state.status === 'waiting-for-files') this.backFromFiles();
    if (same && why === 'changed') return null;
    const playing = state.playing || this.autoplay || this.playAfterFiles;
    if (same && why === 'restart') {
      const reply = await this.api.restart(s.seed);
      if (!reply.ok) return reply.message;
      this.install(reply.info, playing);
      return null;
    }
    const files = this.files.get(s.dataset);
    const learnerFile = this.fileLearner;
    const learnedFiles = this.learnedFiles;
    const got = learnerFile ? { ok: true as const, value: learnerFile.doc } : await this.learners.byId(s.learner);
    if (!got.ok) return got.message;
    const learned: LearnedDocument[] = [];
    for (const id of s.learned) {
      const doc = await this.learners.learnedById(id);
      if (!doc.ok) return doc.message;
      learned.push({ name: id, file: `${id}.learner.json`, document: doc.value });
    }
    for (const f of learnedFiles) learned.push({ name: f.name, file: f.name, document: f.doc });
    const reply = await this.api.open(sessionSettings(s), got.value, files, learned);
    if (!reply.ok) return reply.message;
    this.opened = { key, settings: sessionSettings(s), learner: s.learner, learned: s.learned };
    this.openedFiles.set(s.dataset, files ?? {});
    this.store
      .getState()
      .set({ learnerFile: learnerFile?.name ?? null, learnedFiles: learnedFiles.map((f) => f.name) });
    this.install(reply.info, playing);
    return null;
  }

  /** A new session is in the worker (paused): show it from its first frame, and play it if the page was playing. */
  private install(info: SessionInfo, play: boolean): void {
    this.autoplay = false;
    this.playAfterFiles = false;
    const state = this.store.getState();
    state.set({
      status: 'running',
      info,
      frame: null,
      notice: null,
      error: null,
      playing: false,
      sessionSerial: state.sessionSerial + 1,
    });
    this.lastInfoRevision = null;
    this.applyView(this.store.getState().settings);
    this.wantFrame = true;
    if (play) this.play();
  }

  /**
   * The settings name a dataset whose files are not loaded: say so in place of the views (never the
   * old task under the new name), and pause the running session until the files come or the settings
   * go back to it.
   */
  private waitForFiles(dataset: string, missing: readonly DatasetFileRole[]): null {
    const state = this.store.getState();
    const title = DATASET_CATALOG.find((d) => d.name === dataset)?.title ?? dataset;
    if (state.status !== 'waiting-for-files') this.playAfterFiles = state.playing || this.autoplay;
    if (state.playing) void this.pause();
    state.set({
      status: 'waiting-for-files',
      notice: `${title}: load its ${missing.join(' and ')} file${missing.length > 1 ? 's' : ''} from your disk to run it.`,
    });
    return null;
  }

  /** The settings are the running session's again after waiting for files: show it, and play it if it played before. */
  private backFromFiles(): void {
    this.store.getState().set({ status: 'running', notice: null });
    this.wantFrame = true;
    if (this.playAfterFiles) this.play();
    this.playAfterFiles = false;
  }

  /** A refused open: say why, and put the settings back to the running session's (if there is one). */
  private refuse(message: string): void {
    const state = this.store.getState();
    const waiting = state.status === 'waiting-for-files';
    state.set({ error: message, status: this.opened || waiting ? state.status : 'failed' });
    if (this.opened)
      state.replace({
        ...state.settings,
        ...this.opened.settings,
        learner: this.opened.learner,
        learned: this.opened.learned,
      });
    if (!waiting) return;
    // Waiting for files: say again which are missing now that the refused one is out, or, when none is,
    // the running session is what the page names again.
    const now = this.store.getState().settings;
    const missing = this.missingFiles(now.dataset);
    if (missing.length > 0) this.waitForFiles(now.dataset, missing);
    else if (this.keyOf(now) === this.opened?.key) this.backFromFiles();
  }

  /** The heatmap scrolled into or out of view: read its slice back only while it shows. */
  setHeatmapVisible(visible: boolean): void {
    if (visible === this.heatmapVisible) return;
    this.heatmapVisible = visible;
    this.applyView(this.store.getState().settings);
  }

  play(): void {
    const speed = this.store.getState().settings.speed;
    void this.api.play(speed);
    this.store.getState().set({ playing: true });
    this.wantFrame = true;
  }

  async pause(): Promise<void> {
    this.store.getState().set({ playing: false });
    await this.api.pause();
    this.wantFrame = true;
  }

  togglePlay(): void {
    if (this.store.getState().playing) void this.pause();
    else this.play();
  }

  async stepOnce(): Promise<void> {
    this.store.getState().set({ playing: false });
    await this.api.step(1);
    this.wantFrame = true;
  }

  /** The same seeds again: the same streams and initial states, so the same curves. */
  restartSameSeeds(): Promise<string | null> {
    return this.reopen({ pending: 'restarting…', restart: true });
  }

  /** New seeds: a fresh random seed in the settings (and so in the URL), which reopens the session. */
  newSeeds(): void {
    this.showPending('restarting…');
    this.store.getState().update({ seed: this.env.randomSeed() });
  }

  /**
   * A learner file from disk, read within its limits (size, nesting, JSON: pickedFile.ts; the worker
   * checks every field), opened in its turn; a refusal names the file and the running session goes on.
   */
  async loadLearnerFile(file: PickedFile): Promise<void> {
    const read = await this.learners.fromFile(file);
    if (!read.ok) {
      this.store.getState().set({ error: read.message });
      return;
    }
    const mine = read.value;
    let before: LearnerFile | null = null;
    await this.reopenWith({
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

  /**
   * A learned-learner file from disk (a Meta RNN, Hebbian or FWMemory file), read within its limits,
   * added as one more line (replacing a file of the same name) and opened in its turn; the worker
   * checks every field, and a refusal ("learned: <file>: <field>: …") takes it out again while the
   * running session goes on.
   */
  async loadLearnedFile(file: PickedFile): Promise<void> {
    const read = await this.learners.fromFile(file);
    if (!read.ok) {
      this.store.getState().set({ error: read.message });
      return;
    }
    const mine = read.value;
    let before: readonly LearnerFile[] = [];
    await this.reopenWith({
      apply: () => {
        before = this.learnedFiles;
        this.learnedFiles = [...before.filter((f) => f.name !== mine.name), mine];
      },
      undo: () => {
        if (this.learnedFiles.includes(mine)) this.learnedFiles = before;
      },
      prefix: '',
      force: true,
    });
  }

  /** Take a learned-learner file loaded from disk off the chart (reopens the session without it). */
  removeLearnedFile(name: string): Promise<string | null> {
    let before: readonly LearnerFile[] = [];
    return this.reopenWith({
      apply: () => {
        before = this.learnedFiles;
        this.learnedFiles = before.filter((f) => f.name !== name);
      },
      undo: () => {
        this.learnedFiles = before;
      },
      prefix: '',
      force: false,
    });
  }

  /** Whose output probabilities the introspection strip shows ("vsml", a baseline, a learned learner). */
  setStrip(learner: string): void {
    this.store.getState().set({ strip: learner });
    void this.api.setStrip(learner);
    this.wantFrame = true;
  }

  /** Back to a shipped learner (drops a learner loaded from disk). */
  chooseShippedLearner(id: string): void {
    let before: LearnerFile | null = null;
    void this.reopenWith({
      apply: () => {
        before = this.fileLearner;
        this.fileLearner = null;
      },
      undo: () => {
        if (this.fileLearner === null) this.fileLearner = before;
        this.store.getState().set({ learnerFile: this.fileLearner?.name ?? null });
      },
      prefix: '',
      force: true,
    });
    const state = this.store.getState();
    state.set({ learnerFile: null });
    state.update({ learner: id === LEARNER_FILE ? state.settings.learner : id });
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
      this.store.getState().set({ dataFiles: Object.fromEntries(Object.entries(set).map(([r, f]) => [r, f.name])) });
    };
    let before: FileSet = {};
    await this.reopenWith({
      apply: () => {
        before = this.files.get(dataset) ?? {};
        this.files.set(dataset, { ...before, ...read });
        this.store.getState().set({ notice: null });
        show();
      },
      undo: (refusal) => {
        // Out goes the file the refusal names (a bad images file that waited for its labels, say), else
        // the files of this change; each role goes back to the file it had before, or to the one the
        // dataset's last session opened with, or to none. Good files picked earlier stay.
        const now: FileSet = { ...(this.files.get(dataset) ?? {}) };
        const named = Object.keys(now).filter((role) => refusal.includes(`${now[role].name}:`));
        const opened = this.openedFiles.get(dataset) ?? {};
        for (const role of named.length > 0 ? named : Object.keys(read)) {
          const back = read[role] && now[role] === read[role] ? before[role] : opened[role];
          if (back && back !== now[role]) now[role] = back;
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
        this.store.getState().set({ error: r.message });
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

  /**
   * "Explain this step": the worker pauses, advances one example and explains run 0's; the page shows the new frame. A
   * refusal (or a failed call) comes back as its message.
   */
  async explainNext(): Promise<ExplainReply> {
    this.store.getState().set({ playing: false });
    const reply = await this.ask('explain', () => this.api.explainNext());
    this.wantFrame = true;
    return reply;
  }

  /** Run 0's prediction for a drawing, changing nothing. */
  peek(drawing: Drawing): Promise<PeekReply> {
    return this.ask('drawing', () => this.api.peek(drawing));
  }

  /** Every run learns the drawing under `label` (outside the stream); answers the prediction made before the label. */
  async teach(drawing: Drawing, label: number): Promise<TeachReply> {
    const reply = await this.ask('teach', () => this.api.teach(drawing, label));
    this.wantFrame = true;
    return reply;
  }

  /** The stream and state documents with which `vsml trace` recomputes run 0. */
  reproduce(): Promise<ReproduceReply> {
    return this.ask('reproduce', () => this.api.reproduce());
  }

  /** A worker call whose failure (a message Comlink could not clone, a worker gone) is a refusal too. */
  private async ask<T>(what: string, call: () => Promise<T>): Promise<T | { ok: false; message: string }> {
    try {
      return await call();
    } catch (e) {
      return { ok: false, message: `${what}: ${errorMessage(e)}` };
    }
  }

  /**
   * One frame request at a time, only when something may have changed; a frame of a session since replaced is dropped.
   */
  private pump(): void {
    const state = this.store.getState();
    if (this.framePending || !(state.playing || this.wantFrame) || !this.opened || state.status !== 'running') return;
    this.framePending = true;
    this.wantFrame = false;
    const serial = state.sessionSerial;
    this.api
      .frame()
      .then((frame: Frame | null) => {
        if (this.store.getState().sessionSerial === serial) return this.onFrame(frame);
        this.wantFrame = true;
      })
      .catch((e: unknown) => this.store.getState().set({ error: `worker: ${errorMessage(e)}` }))
      .finally(() => {
        this.framePending = false;
      });
  }

  private async onFrame(frame: Frame | null): Promise<void> {
    if (!frame) return;
    const state = this.store.getState();
    // The page's play state leads (a frame asked for before "play" may still say paused); a loop that
    // stopped on its own says so with a notice.
    state.set(
      !frame.playing && frame.notice !== null && frame.notice !== this.lastNotice
        ? { frame, playing: false }
        : { frame },
    );
    const revision = frame.infoRevision;
    // The first frame of a session asks too: its info may have changed before it (a GPU that fails at
    // once, with no adapter, leaves the session on the CPU with the reason before any frame).
    const infoChanged = revision !== this.lastInfoRevision;
    this.lastInfoRevision = revision;
    const noticeChanged = frame.notice !== this.lastNotice;
    this.lastNotice = frame.notice;
    if (infoChanged || (noticeChanged && frame.notice !== null)) {
      const info = await this.api.info();
      this.store.getState().set({
        ...(noticeChanged && frame.notice !== null ? { notice: frame.notice } : {}),
        ...(info ? { info } : {}),
      });
    }
  }
}
