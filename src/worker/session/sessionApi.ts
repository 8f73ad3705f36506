// The studio worker's API, behind Comlink (session.worker.ts) and, unchanged, in Node: open a session
// from settings, a learner document and the user's files; play it in the worker at a speed, pause,
// step; pull frames and full curves. Engines and data come through the injected `SessionDeps` (WebGPU
// or the CPU reference; the built-in asset or files). A bad learner, data set or setting is answered
// with a message naming it, and the running session is left as it was, playing or not. When a GPU
// device is lost, the session is recreated from example 0 on a fresh engine and the frame says so.
// A session opened on the CPU reference while its GPU engine is being made (EngineChoice.upgrade)
// moves onto it when it is ready (Player.handOver); frames carry infoRevision so the page re-reads
// info(). The newest open or restart wins: an older one still opening gives way at once, and the
// running session starts no block while an open is in progress (it plays on if the open is refused).
import type { DatasetFiles } from '../../data/load';
import { parseLearner, type Learner } from '../../model/formats/learner';
import { errorMessage, formatFieldError } from '../../model/result';
import type { EngineChoice } from '../shared/engineChoice';
import type { OpenReply, Refusal, SessionApi, SessionInfo, SessionSettings, StateView } from './contract';
import { parseLearnedDocuments, type ParsedLearned } from './learnedLines';
import { openSession, type Opened, type OpenedSession, type SessionDeps } from './openSession';
import { Player, realClock } from './player';
import type { Session } from './session';

export type * from './contract';
export type { SessionDeps } from './openSession';
export type { PacingClock } from './player';

/** What a session was opened from, to reopen it (restart, device loss). */
interface Opening {
  readonly settings: SessionSettings;
  readonly learner: Learner;
  readonly files: DatasetFiles | undefined;
  readonly learned: readonly ParsedLearned[];
}

interface Current extends Opening {
  readonly session: Session;
  /** Changes when the session moves onto its GPU engine or that engine cannot be made. */
  info: SessionInfo;
}

const REPLACED = { ok: false, message: 'open: a later open or restart replaced this one' } as const;

/** Dispose a session that will never be current, and its GPU engine when that is made. */
function discard(opened: OpenedSession): void {
  opened.session.dispose();
  void opened.upgrade?.then((c) => c.engine.dispose());
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function createSessionApi(deps: SessionDeps): SessionApi {
  const player = new Player(deps.clock ?? realClock);
  let current: Current | null = null;
  let view: StateView | null = null;
  let strip = 'vsml';
  /**
   * Bumped by every open and restart: an open still opening when a later one begins gives way at once (even if the
   * later one fails).
   */
  let opens = 0;
  /** Tells the open in progress that a later one began. */
  let giveWay: () => void = () => {};

  function beginOpen(): { token: number; replaced: Promise<null> } {
    giveWay();
    const token = ++opens;
    const replaced = new Promise<null>((resolve) => (giveWay = () => resolve(null)));
    return { token, replaced };
  }

  function setInfo(cur: Current, info: SessionInfo): void {
    cur.info = info;
    player.infoRevision++;
  }

  /**
   * The engine being made for `cur` (opened on the CPU reference): move onto it when it is ready: the
   * GPU engine, or, where that could not be made, the faster CPU engine chosen instead (with the
   * reason as `fallback`); a CPU engine no faster than the current one is only disposed.
   */
  async function upgrade(cur: Current, opened: OpenedSession, making: Promise<EngineChoice>): Promise<void> {
    let choice: EngineChoice;
    try {
      choice = await making;
    } catch (e) {
      if (current === cur)
        setInfo(cur, {
          ...cur.info,
          fallback: `WebGPU could not run this session: ${errorMessage(e)}`,
          handover: null,
        });
      return;
    }
    const same = choice.fallback !== null && choice.engine.backend === cur.info.backend;
    if (current !== cur || same) {
      choice.engine.dispose();
      if (current === cur) setInfo(cur, { ...cur.info, fallback: choice.fallback, handover: null });
      return;
    }
    try {
      await player.handOver(cur.session, choice.engine, opened.replay());
    } catch (e) {
      const why = choice.fallback ?? `WebGPU could not run this session: ${errorMessage(e)}`;
      if (current === cur) setInfo(cur, { ...cur.info, fallback: why, handover: null });
      return;
    }
    if (current !== cur) return;
    const { backend, description } = choice.engine;
    setInfo(cur, { ...cur.info, backend, description, fallback: choice.fallback, handover: null });
    if (choice.lost) void choice.lost.then((message) => recreate(cur, message));
  }

  /** openSession, with anything it throws (a failed fetch, a bug) as a refusal too. */
  async function openOrSay({ settings, learner, files, learned }: Opening): Promise<Opened> {
    try {
      return await openSession(deps, settings, learner, files, learned);
    } catch (e) {
      return { ok: false, message: `open: ${errorMessage(e)}` };
    }
  }

  /** Make `opened` current (paused) and watch its device. */
  async function install(opening: Opening, opened: OpenedSession): Promise<Current> {
    const next: Current = { ...opening, session: opened.session, info: opened.info };
    current = next;
    player.infoRevision++;
    await player.replace(opened.session);
    if (opened.lost) void opened.lost.then((message) => recreate(next, message));
    if (opened.upgrade) void upgrade(next, opened, opened.upgrade);
    return next;
  }

  /** The device of `lost` is gone: the same session again from example 0 on a fresh engine, playing if it was. */
  async function recreate(lost: Current, message: string): Promise<void> {
    if (current !== lost) return;
    const resume = player.resumeSpeed(lost.session);
    await player.pause();
    const again = await openOrSay(lost);
    if (current !== lost) {
      if (again.ok) discard(again.value);
      return;
    }
    if (!again.ok) {
      player.notice = `${capitalise(message)}, and the session could not be recreated: ${again.message}`;
      return;
    }
    const { info } = await install(
      { settings: lost.settings, learner: lost.learner, files: lost.files, learned: lost.learned },
      again.value,
    );
    player.notice = `${capitalise(message)}. The session was recreated from example 0 on ${info.description}${info.fallback ? ` (${info.fallback})` : ''}.`;
    if (resume !== null) player.play(resume);
  }

  async function open(
    settings: SessionSettings,
    learnerDocument: unknown,
    files: DatasetFiles | undefined,
    learnedDocuments: unknown,
  ): Promise<OpenReply> {
    const began = beginOpen();
    const learner = parseLearner(learnerDocument);
    if (!learner.ok) return { ok: false, message: `learner: ${formatFieldError(learner.error)}` };
    const learned = parseLearnedDocuments(learnedDocuments);
    if (!learned.ok) return learned;
    return openParsed({ settings, learner: learner.value, files, learned: learned.value }, began);
  }

  /**
   * Open and install, unless a later open begins first: then this one answers REPLACED at once and what it opens is
   * discarded.
   */
  async function openParsed(
    opening: Opening,
    { token, replaced }: { token: number; replaced: Promise<null> },
  ): Promise<OpenReply> {
    const release = player.hold();
    try {
      const pending = openOrSay(opening);
      const opened = await Promise.race([pending, replaced]);
      if (opened === null || token !== opens) {
        void pending.then((o) => o.ok && discard(o.value));
        return REPLACED;
      }
      if (!opened.ok) return opened;
      await install(opening, opened.value);
      return { ok: true, info: opened.value.info };
    } finally {
      release();
    }
  }

  return {
    open: (settings, learnerDocument, files, learned) => open(settings, learnerDocument, files, learned),
    async restart(seed) {
      const began = beginOpen();
      if (!current) return { ok: false, message: 'restart: nothing is open' };
      const { settings, learner, files, learned } = current;
      return openParsed({ settings: { ...settings, seed }, learner, files, learned }, began);
    },
    play(examplesPerSecond) {
      player.play(examplesPerSecond);
    },
    pause: () => player.pause(),
    step: (steps) => player.step(steps),
    setView(v) {
      view = v ? { layer: v.layer, vector: v.vector, j: v.j } : null;
    },
    setStrip(learner) {
      strip = String(learner);
    },
    frame: () => player.frame(view, strip),
    curves() {
      if (!current) return null;
      const { session, settings, info } = current;
      const learners = session.curves();
      const every = learners.vsml?.every ?? 1;
      const curves = Object.fromEntries(
        Object.entries(learners).map(([name, c]) => [name, { mean: c.mean, std: c.std }]),
      );
      const showings = session.showings();
      const association = showings
        ? { association: { order: settings.order ?? 'apart', fresh: settings.fresh ?? false, showings } }
        : {};
      return {
        examples: session.examplesSeen,
        every,
        runs: session.runs,
        seed: settings.seed,
        taskName: info.taskName,
        learners: curves,
        ...association,
      };
    },
    info: () => current?.info ?? null,
    explainNext: () => useSession('explain', (s) => s.explainNext().then((r) => ({ ok: true as const, ...r })), true),
    peek: (drawing) => useSession('drawing', (s) => s.peek(drawing), false),
    teach: (drawing, label) => useSession('teach', (s) => s.teach(drawing, label), false),
    reproduce: () => useSession('reproduce', (s) => s.reproduce(), false),
    async trainedLearner() {
      try {
        return { ok: true, document: (await deps.loadTrainedLearner?.()) ?? null };
      } catch (e) {
        return { ok: false, message: errorMessage(e) };
      }
    },
  };

  /**
   * `use` on the current session between blocks (after any handover replay); nothing open, a replacement or an error is
   * a refusal starting with `what`.
   */
  async function useSession<T>(
    what: string,
    use: (s: Session) => Promise<T | Refusal> | T | Refusal,
    pause: boolean,
  ): Promise<T | Refusal> {
    if (!current) return { ok: false, message: `${what}: nothing is open` };
    try {
      const r = await player.use(use, { pause });
      return r ?? { ok: false, message: `${what}: the session was replaced meanwhile` };
    } catch (e) {
      const message = errorMessage(e);
      return { ok: false, message: message.startsWith(`${what}: `) ? message : `${what}: ${message}` };
    }
  }
}
