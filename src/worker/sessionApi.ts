// The studio worker's API, behind Comlink (session.worker.ts) and, unchanged, in Node: open a session
// from settings, a learner document and the user's files; play it in the worker at a speed, pause,
// step; pull frames and full curves. Engines and data come through the injected `SessionDeps` (WebGPU
// or the CPU reference; the built-in asset or files). A bad learner, data set or setting is answered
// with a message naming it, and the running session is left as it was, playing or not. When a GPU
// device is lost, the session is recreated from example 0 on a fresh engine and the frame says so.
import type { MemoryLimit } from '../model/resources';
import type { DatasetFiles } from '../data/load';
import type { DataSource, SplitName } from '../data/types';
import type { BaselineName } from '../model/baselines/kinds';
import type { EngineSpec } from '../model/engine';
import { parseLearner, type Learner } from '../model/formats/learner';
import { formatFieldError, type Result } from '../model/result';
import type { EngineChoice } from './engineChoice';
import { openSession, type Opened, type OpenedSession } from './openSession';
import { Player, realClock, type Clock } from './player';
import type { Frame, Session, StateView } from './session';

export type { Frame, StateView } from './session';
export type { Clock } from './player';

export type StreamKind = 'iid' | 'association';

export interface SessionSettings {
  /** Registry name (src/data/registry.ts). */
  readonly dataset: string;
  readonly split: SplitName;
  /** Square side to resize images to; null: the dataset's own size. */
  readonly resize: number | null;
  /** S: runs, each with its own stream and initial state. */
  readonly runs: number;
  /** Seed of the streams, the initial states, the baselines' weights and the task transforms. */
  readonly seed: number;
  readonly baselines: readonly BaselineName[];
  /** Class subset (TaskSpec.classes), relabelled in list order; null: all. */
  readonly classes: readonly number[] | null;
  /** A fixed permutation of the inputs (TaskSpec.shufflePixels). */
  readonly shuffle: boolean;
  /** A fixed random projection of the inputs (TaskSpec.project). */
  readonly project: boolean;
  /** iid: the seeded shuffled epochs of src/data/stream.ts; association: Fig. 9's episodes (src/data/associationStream.ts). */
  readonly stream: StreamKind;
}

export interface SessionInfo {
  readonly backend: string;
  readonly description: string;
  /** Why the CPU reference runs instead of WebGPU (for the banner); null on WebGPU. */
  readonly fallback: string | null;
  readonly inputSize: number;
  readonly numClasses: number;
  readonly classNames: readonly string[];
  /** Task.name with its transforms, e.g. "mnist/test [7x7]". */
  readonly taskName: string;
  readonly runs: number;
  /** The engine's layers: A inputs x B outputs each. */
  readonly layers: readonly { readonly A: number; readonly B: number }[];
  /** N: the range of StateView.j. */
  readonly stateSize: number;
  /** The input as an image; null for tasks that are not images (generated, projected). */
  readonly imageShape: { readonly height: number; readonly width: number; readonly channels: number } | null;
}

export type OpenReply = { readonly ok: true; readonly info: SessionInfo } | { readonly ok: false; readonly message: string };

/** Cumulative accuracy for export: point i is after (i + 1) * every examples (every is 1, full resolution, up to TALLY_POINTS = 32768 examples; then 2, 4, ...: accuracyTally.ts). */
export interface AccuracyExport {
  readonly examples: number;
  readonly every: number;
  readonly runs: number;
  readonly seed: number;
  readonly taskName: string;
  readonly learners: { readonly [name: string]: { readonly mean: Float64Array; readonly std: Float64Array } };
}

export interface SessionDeps {
  makeEngine(spec: EngineSpec): Promise<EngineChoice>;
  /** `files`: the user's files for the idx and cifar data sets (OpenRequest.files). */
  openData(dataset: string, split: SplitName, seed: number, files: DatasetFiles | undefined): Promise<Result<DataSource>>;
  /** Default: performance.now and setTimeout. */
  readonly clock?: Clock;
  /** What a session may need (openSession refuses more); default browserMemoryLimit (memoryLimit.ts). */
  readonly memoryLimit?: MemoryLimit;
}

export interface SessionApi {
  /** Replace the running session (on any error the old one keeps running, even playing, and the reply says why). The new one starts paused. */
  open(settings: SessionSettings, learnerDocument: unknown, files?: DatasetFiles): Promise<OpenReply>;
  /** Reopen with the same settings, learner and files and this seed (the same seed gives the same curves bit for bit). */
  restart(seed: number): Promise<OpenReply>;
  /** Run on its own in the worker at this many examples per second (Infinity: as fast as possible), until pause(). */
  play(examplesPerSecond: number): void;
  /** Stop the loop; resolves once the block in flight has finished. */
  pause(): Promise<void>;
  /** Pause, then advance by `steps` examples. */
  step(steps: number): Promise<void>;
  /** Which state slice frames carry (run 0), or null for none. */
  setView(view: StateView | null): void;
  /** The latest frame (never in the middle of a block), or null when nothing is open. */
  frame(): Promise<Frame | null>;
  /** Cumulative accuracy for export (CSV/JSON), every example up to 32768 examples, or null. */
  curves(): AccuracyExport | null;
  /** The open session's info (it changes when a lost device made the session be recreated; frame.notice says so), or null. */
  info(): SessionInfo | null;
}

/** What a session was opened from, to reopen it (restart, device loss). */
interface Opening {
  readonly settings: SessionSettings;
  readonly learner: Learner;
  readonly files: DatasetFiles | undefined;
}

interface Current extends Opening {
  readonly session: Session;
  readonly info: SessionInfo;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function createSessionApi(deps: SessionDeps): SessionApi {
  const player = new Player(deps.clock ?? realClock);
  let current: Current | null = null;
  let view: StateView | null = null;
  /** Bumped by every open and restart: an open that finishes after a later one began gives way (even if the later one fails). */
  let opens = 0;

  /** openSession, with anything it throws (a failed fetch, a bug) as a refusal too. */
  async function openOrSay({ settings, learner, files }: Opening): Promise<Opened> {
    try {
      return await openSession(deps, settings, learner, files);
    } catch (e) {
      return { ok: false, message: `open: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Make `opened` current (paused) and watch its device. */
  async function install(opening: Opening, opened: OpenedSession): Promise<Current> {
    const next: Current = { ...opening, session: opened.session, info: opened.info };
    current = next;
    await player.replace(opened.session);
    if (opened.lost) void opened.lost.then((message) => recreate(next, message));
    return next;
  }

  /** The device of `lost` is gone: the same session again from example 0 on a fresh engine, playing if it was. */
  async function recreate(lost: Current, message: string): Promise<void> {
    if (current !== lost) return;
    const resume = player.resumeSpeed(lost.session);
    await player.pause();
    const again = await openOrSay(lost);
    if (current !== lost) {
      if (again.ok) again.value.session.dispose();
      return;
    }
    if (!again.ok) {
      player.notice = `${capitalise(message)}, and the session could not be recreated: ${again.message}`;
      return;
    }
    const { info } = await install({ settings: lost.settings, learner: lost.learner, files: lost.files }, again.value);
    player.notice = `${capitalise(message)}. The session was recreated from example 0 on ${info.description}${info.fallback ? ` (${info.fallback})` : ''}.`;
    if (resume !== null) player.play(resume);
  }

  async function open(settings: SessionSettings, learnerDocument: unknown, files: DatasetFiles | undefined): Promise<OpenReply> {
    const token = ++opens;
    const learner = parseLearner(learnerDocument);
    if (!learner.ok) return { ok: false, message: `learner: ${formatFieldError(learner.error)}` };
    return openParsed({ settings, learner: learner.value, files }, token);
  }

  async function openParsed(opening: Opening, token: number): Promise<OpenReply> {
    const opened = await openOrSay(opening);
    if (!opened.ok) return opened;
    if (token !== opens) {
      opened.value.session.dispose();
      return { ok: false, message: 'open: a later open or restart replaced this one' };
    }
    const { info } = await install(opening, opened.value);
    return { ok: true, info };
  }

  return {
    open: (settings, learnerDocument, files) => open(settings, learnerDocument, files),
    async restart(seed) {
      const token = ++opens;
      if (!current) return { ok: false, message: 'restart: nothing is open' };
      const { settings, learner, files } = current;
      return openParsed({ settings: { ...settings, seed }, learner, files }, token);
    },
    play(examplesPerSecond) {
      player.play(examplesPerSecond);
    },
    pause: () => player.pause(),
    step: (steps) => player.step(steps),
    setView(v) {
      view = v ? { layer: v.layer, vector: v.vector, j: v.j } : null;
    },
    frame: () => player.frame(view),
    curves() {
      if (!current) return null;
      const { session, settings, info } = current;
      const learners = session.curves();
      const every = learners.vsml?.every ?? 1;
      const curves = Object.fromEntries(Object.entries(learners).map(([name, c]) => [name, { mean: c.mean, std: c.std }]));
      return { examples: session.examplesSeen, every, runs: session.runs, seed: settings.seed, taskName: info.taskName, learners: curves };
    },
    info: () => current?.info ?? null,
  };
}
