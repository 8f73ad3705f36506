// The page's side of the trainer worker: checks the edited config (debounced; a stale reply is dropped),
// starts, pauses, resumes and stops runs, resumes the saved one or an imported checkpoint, exports
// checkpoints and learners, hands the learner to the studio, and pulls frames — one frame() in flight,
// at most one per animation frame, only while a run trains or after an action. Everything it learns
// goes into the trainer store; the worker computes. Timers, animation frames, downloads, navigation and
// the wake lock come in as `TrainerEnv`, so this runs under test on a fake worker.
import { readDataFile, readJsonFile, readLearnerBytes, type PickedFile } from '../files/pickedFile';
import { getAt } from './configDoc';
import { missingFiles, referencedFiles, withRefFile } from './datasetRefs';
import { frameChanged, isActive, isRunning } from './frameChange';
import type { FileInput, TrainerApi, TrainerFrame } from '../../worker/trainer/contract';
import { studioUrlFor } from './studioLink';
import { badCheck, type TrainerStore } from './trainerStore';
import { errorMessage } from '../../model/result';

/** The worker API as the page sees it through Comlink: every call answers later. */
export type TrainerPort = {
  readonly [K in keyof TrainerApi]: (...args: Parameters<TrainerApi[K]>) => Promise<Awaited<ReturnType<TrainerApi[K]>>>;
};

export interface TrainerEnv {
  /** requestAnimationFrame. */
  requestFrame(callback: () => void): void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  download(blob: Blob, filename: string): void;
  navigate(url: string): void;
  /** Hold (true) or release (false) the screen wake lock. */
  wakeLock(on: boolean): Promise<void>;
  /**
   * The bytes of a file the app ships (public/), by its path there, e.g. "learners/x.learner.json"; null when it has
   * none.
   */
  fetchAsset(path: string): Promise<Uint8Array | null>;
}

/**
 * A config file name that points at a learner the app ships: "public/learners/<id>.learner.json" (as the CLI reads it
 * from the repository root) or "learners/<id>.learner.json".
 */
const SHIPPED_LEARNER_PATH = /^(?:public\/)?(learners\/[a-z0-9-]+\.learner\.json)$/;

export type { PickedFile } from '../files/pickedFile';

/**
 * Where "Open in studio" goes when no run has said its task: the studio reads the handed-off learner under this key.
 */
export const STUDIO_TRAINED_URL = './?learner=trained';

export const CHECK_DELAY_MS = 300;

/** "quick-demo" -> "quick-demo"; anything else reduced to [a-z0-9-] for a file name. */
export function fileStem(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'vsml' : s;
}

export class TrainerController {
  private readonly files = new Map<string, Uint8Array>();
  private framePending = false;
  private wantFrame = false;
  private checkTimer: unknown = null;
  private checkSeq = 0;
  private looping = false;
  private lastNotice: string | null = null;
  private lockOn = false;

  constructor(
    private readonly api: TrainerPort,
    private readonly store: TrainerStore,
    private readonly env: TrainerEnv,
    private readonly checkDelayMs = CHECK_DELAY_MS,
  ) {
    store.subscribe((s, prev) => {
      if (s.doc !== prev.doc) this.scheduleCheck();
    });
  }

  /** Load the presets (the default preset's config goes into the form), ask for a saved run, start pulling frames. */
  async init(): Promise<void> {
    this.startLoop();
    try {
      this.store.getState().setPresets(await this.api.presets());
      const saved = await this.api.savedRun();
      this.store.getState().set({ saved });
    } catch (e) {
      this.store.getState().set({ error: `worker: ${errorMessage(e)}` });
    }
  }

  private startLoop(): void {
    if (this.looping) return;
    this.looping = true;
    const tick = () => {
      this.pump();
      this.env.requestFrame(tick);
    };
    this.env.requestFrame(tick);
  }

  // ---- config ----

  private scheduleCheck(): void {
    if (this.checkTimer !== null) this.env.clearTimer(this.checkTimer);
    this.checkSeq += 1;
    this.store.getState().set({ check: { state: 'checking' } });
    this.checkTimer = this.env.setTimer(() => {
      this.checkTimer = null;
      void this.checkNow();
    }, this.checkDelayMs);
  }

  /** Check the current document now (the debounced check calls this); a reply to an older document is dropped. */
  async checkNow(): Promise<void> {
    const seq = ++this.checkSeq;
    const { doc } = this.store.getState();
    let reply;
    try {
      reply = await this.api.check(doc);
    } catch (e) {
      reply = { ok: false as const, field: '', message: `worker: ${errorMessage(e)}` };
    }
    if (seq !== this.checkSeq) return;
    const set = this.store.getState().set;
    if (!reply.ok) return set({ check: badCheck(reply.field, reply.message) });
    await this.loadShippedFiles(doc);
    if (seq !== this.checkSeq) return;
    const missing = missingFiles(doc, new Set(this.files.keys()));
    if (missing.length > 0) {
      const m = missing[0];
      return set({ check: badCheck(m.path, `${m.path}: "${m.name}" is not loaded; choose it from your disk`) });
    }
    set({ check: { state: 'ok', summary: reply.summary } });
  }

  /** Files the document names that the app ships (the quick demo's learner): fetched, not asked for. */
  private async loadShippedFiles(doc: Record<string, unknown>): Promise<void> {
    for (const use of missingFiles(doc, new Set(this.files.keys()))) {
      const shipped = SHIPPED_LEARNER_PATH.exec(use.name);
      if (!shipped) continue;
      const bytes = await this.env.fetchAsset(shipped[1]);
      if (!bytes) continue;
      this.files.set(use.name, bytes);
      this.store.getState().addLoadedFile(use.name);
    }
  }

  /** A data file from disk for the dataset reference at `refPath` (e.g. "tasks.datasets[0]"), as `role`. */
  async loadDataFile(refPath: string, role: string, file: PickedFile): Promise<void> {
    const read = await readDataFile(file);
    if (!read.ok) return this.store.getState().set({ error: read.message });
    this.files.set(file.name, read.value.bytes);
    const s = this.store.getState();
    s.addLoadedFile(file.name);
    s.editField(refPath, withRefFile(getAt(s.doc, refPath), role, file.name));
  }

  /** A learner file from disk whose V_M starts the run (the config's `init`). */
  async loadInitLearner(file: PickedFile): Promise<void> {
    const read = await readLearnerBytes(file);
    if (!read.ok) return this.store.getState().set({ error: read.message });
    this.files.set(file.name, read.value);
    const s = this.store.getState();
    s.addLoadedFile(file.name);
    s.editField('init', file.name);
  }

  /** Start from the seed's V_M again (no `init`). */
  clearInitLearner(): void {
    this.store.getState().editField('init', null);
  }

  private filesNamedIn(doc: Record<string, unknown>): FileInput[] {
    const names = new Set(referencedFiles(doc).map((u) => u.name));
    return [...names].filter((n) => this.files.has(n)).map((name) => ({ name, bytes: this.files.get(name)! }));
  }

  private allFiles(): FileInput[] {
    return [...this.files].map(([name, bytes]) => ({ name, bytes }));
  }

  // ---- runs ----

  private state(): TrainerFrame['state'] | undefined {
    return this.store.getState().frame?.state;
  }

  /** Start a run of the edited config. A refusal (a bad field, a GPU limit) goes to the error banner. */
  async start(): Promise<void> {
    const s = this.store.getState();
    if (s.starting || isActive(this.state())) return;
    await this.loadShippedFiles(s.doc);
    const missing = missingFiles(s.doc, new Set(this.files.keys()));
    if (missing.length > 0) {
      s.set({ error: `${missing[0].path}: "${missing[0].name}" is not loaded; choose it from your disk` });
      return;
    }
    await this.begin(() => this.api.start(s.doc, this.filesNamedIn(s.doc)));
  }

  /** Resume the run saved in this browser (IndexedDB); its config comes into the form. */
  async resumeSaved(): Promise<void> {
    if (await this.begin(() => this.api.resume(undefined, this.allFiles()))) await this.showRunConfig(null);
  }

  /** The running run's config (from `checkpoint`, or the worker's checkpoint of it) into the form. */
  private async showRunConfig(checkpoint: unknown): Promise<void> {
    let doc = checkpoint;
    if (doc === null) {
      const text = await this.api.exportCheckpoint();
      if (text === null) return;
      doc = JSON.parse(text) as unknown;
    }
    const config = doc !== null && typeof doc === 'object' ? (doc as { config?: unknown }).config : undefined;
    const s = this.store.getState();
    if (config !== null && typeof config === 'object' && !Array.isArray(config))
      s.showRunConfig(config as Record<string, unknown>, s.info?.configName ?? '');
  }

  /** Forget the saved run. */
  async discardSaved(): Promise<void> {
    await this.api.discardSaved();
    this.store.getState().set({ saved: null });
  }

  /**
   * Resume from a checkpoint file; a file too large, nested too deep or not JSON, or a checkpoint the worker refuses,
   * is named in the banner.
   */
  async importCheckpoint(file: PickedFile): Promise<void> {
    const read = await readJsonFile(file, 'checkpoint');
    if (!read.ok) return this.store.getState().set({ error: read.message });
    const doc = read.value;
    if (await this.begin(() => this.api.resume(doc, this.allFiles()), file.name)) await this.showRunConfig(doc);
  }

  /** Start or resume through `call`; false when refused (the message in the banner, `source` first). */
  private async begin(
    call: () => Promise<Awaited<ReturnType<TrainerApi['start']>>>,
    source?: string,
  ): Promise<boolean> {
    const set = this.store.getState().set;
    set({ starting: true, error: null, notice: null });
    let reply;
    try {
      reply = await call();
    } catch (e) {
      reply = { ok: false as const, message: `worker: ${errorMessage(e)}` };
    } finally {
      set({ starting: false });
    }
    if (!reply.ok) {
      set({ error: source ? `${source}: ${reply.message}` : reply.message });
      return false;
    }
    set({ info: reply.info, frame: null, saved: null });
    this.wantFrame = true;
    await this.setLock(true);
    return true;
  }

  /** The wake lock follows the run: held while it trains. */
  private async setLock(on: boolean): Promise<void> {
    if (on === this.lockOn) return;
    this.lockOn = on;
    await this.env.wakeLock(on);
  }

  /** Pause a training run, or resume a paused one. */
  async pauseResume(): Promise<void> {
    const state = this.state();
    if (state === 'running') {
      await this.api.pause();
      await this.setLock(false);
    } else if (state === 'paused') {
      await this.api.play();
      await this.setLock(true);
    }
    this.wantFrame = true;
  }

  /** Stop the run after its current step; the worker saves it, so it is offered for resuming. */
  async stop(): Promise<void> {
    if (!isActive(this.state())) return;
    await this.api.stop();
    await this.setLock(false);
    this.wantFrame = true;
    this.store.getState().set({ saved: await this.api.savedRun() });
  }

  // ---- files out ----

  private stem(): string {
    const s = this.store.getState();
    return `${fileStem(s.info?.configName ?? s.presetName ?? 'vsml')}-step-${s.frame?.step ?? 0}`;
  }

  async exportCheckpoint(): Promise<void> {
    const text = await this.api.exportCheckpoint();
    if (text === null)
      return this.store.getState().set({ notice: 'No checkpoint to export yet: start or resume a run first.' });
    this.env.download(new Blob([text], { type: 'application/json' }), `${this.stem()}.checkpoint.json`);
  }

  async exportLearner(): Promise<void> {
    const text = await this.api.exportLearner();
    if (text === null)
      return this.store.getState().set({ notice: 'No learner to export yet: start or resume a run first.' });
    this.env.download(new Blob([text], { type: 'application/json' }), `${this.stem()}.learner.json`);
  }

  /**
   * Hand the current V_M to the studio (stored in this browser) and open the studio on it, on the task
   * the run trains on (studioLink.ts). A running run is paused first, which saves its checkpoint, so
   * Resume on this page continues it (the page asks before: LeaveTrainingDialog).
   */
  async openInStudio(): Promise<void> {
    if (isRunning(this.state())) {
      await this.api.pause();
      await this.setLock(false);
      this.wantFrame = true;
    }
    const task = this.store.getState().info?.task;
    if (await this.api.handoffLearner()) this.env.navigate(task ? studioUrlFor(task) : STUDIO_TRAINED_URL);
    else this.store.getState().set({ error: 'No learner to open yet: start or resume a run first.' });
  }

  // ---- frames ----

  /** One frame request at a time, only while a run trains or something was just done. */
  pump(): void {
    if (this.framePending || !(this.wantFrame || isRunning(this.state()))) return;
    this.framePending = true;
    this.wantFrame = false;
    this.api
      .frame()
      .then((frame) => this.onFrame(frame))
      .catch((e: unknown) => this.store.getState().set({ error: `worker: ${errorMessage(e)}` }))
      .finally(() => {
        this.framePending = false;
      });
  }

  private async onFrame(frame: TrainerFrame | null): Promise<void> {
    if (!frame) return;
    const s = this.store.getState();
    const failedNow = frame.state === 'failed' && s.frame?.state !== 'failed';
    if (frameChanged(s.frame, frame)) s.set({ frame });
    // A failed run (a lost device, an engine error) saved the state before the failed step: offer it
    // at once, as a reload would.
    if (failedNow) s.set({ saved: await this.api.savedRun() });
    if (frame.notice !== this.lastNotice) {
      this.lastNotice = frame.notice;
      if (frame.notice !== null) s.set({ notice: frame.notice });
    }
    // A run that ended on its own (done, failed) lets the screen sleep again.
    await this.setLock(isRunning(frame.state));
  }
}
