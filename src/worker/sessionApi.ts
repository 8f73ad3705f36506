// The studio worker's API, behind Comlink (session.worker.ts) and, unchanged, in Node: open a session
// from settings and a learner document, advance it, pull frames. Engines and data come through the
// injected `SessionDeps` (WebGPU or the CPU reference; the built-in asset or files). A bad learner or
// data set is answered with a message naming the field, and the running session is left as it was.
import { createRunStreams } from '../data/stream';
import { buildTask } from '../data/task';
import type { DataSource, SplitName } from '../data/types';
import type { BaselineName } from '../model/baselines/kinds';
import type { EngineSpec, VsmlEngine } from '../model/engine';
import type { EngineChoice } from './engineChoice';
import { parseLearner } from '../model/formats/learner';
import { formatFieldError, type Result } from '../model/result';
import { Session, type Frame } from './session';

export interface SessionSettings {
  readonly dataset: string;
  readonly split: SplitName;
  /** Square side to resize images to; null: the dataset's own size. */
  readonly resize: number | null;
  readonly runs: number;
  /** Seed of the streams, the initial states and the baselines' weights. */
  readonly seed: number;
  readonly baselines: readonly BaselineName[];
}

export interface SessionInfo {
  readonly backend: string;
  readonly description: string;
  /** Why the CPU reference runs instead of WebGPU (for the banner); null on WebGPU. */
  readonly fallback: string | null;
  readonly inputSize: number;
  readonly numClasses: number;
  readonly classNames: readonly string[];
  readonly imageShape: { readonly height: number; readonly width: number };
}

export type OpenReply = { readonly ok: true; readonly info: SessionInfo } | { readonly ok: false; readonly message: string };

export interface SessionDeps {
  makeEngine(spec: EngineSpec): Promise<EngineChoice>;
  openData(dataset: string, split: SplitName, seed: number): Promise<Result<DataSource>>;
}

export interface SessionApi {
  /** Replace the running session; on any error the old one keeps running and the reply says why. */
  open(settings: SessionSettings, learnerDocument: unknown): Promise<OpenReply>;
  /** Advance the open session by `steps` examples (every run, VSML and baselines). */
  step(steps: number): Promise<void>;
  /** The open session's frame, or null when none is open. */
  frame(): Frame | null;
}

export function createSessionApi(deps: SessionDeps): SessionApi {
  let current: { session: Session; engine: VsmlEngine } | null = null;
  return {
    async open(settings, learnerDocument) {
      const learner = parseLearner(learnerDocument);
      if (!learner.ok) return { ok: false, message: `learner: ${formatFieldError(learner.error)}` };
      const source = await deps.openData(settings.dataset, settings.split, settings.seed);
      if (!source.ok) return { ok: false, message: `${settings.dataset}: ${formatFieldError(source.error)}` };
      const task = buildTask(source.value, { resize: settings.resize });
      if (!task.ok) return { ok: false, message: `${settings.dataset}: ${formatFieldError(task.error)}` };
      const streams = createRunStreams(task.value, { seed: settings.seed, runs: settings.runs });
      if (!streams.ok) return { ok: false, message: formatFieldError(streams.error) };
      const { inputSize, numClasses, classNames, shape } = task.value;
      let choice: EngineChoice;
      try {
        choice = await deps.makeEngine({ config: learner.value.config, inputSize, numClasses, runs: settings.runs });
      } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
      const { engine, fallback } = choice;
      const session = new Session(engine, streams.value, { learner: learner.value, baselines: settings.baselines, seed: settings.seed });
      current?.engine.dispose();
      current = { session, engine };
      return {
        ok: true,
        info: { backend: engine.backend, description: engine.description, fallback, inputSize, numClasses, classNames, imageShape: { height: shape.height, width: shape.width } },
      };
    },
    async step(steps) {
      if (!current) throw new Error('session: nothing is open');
      await current.session.step(steps);
    },
    frame() {
      return current ? current.session.frame() : null;
    },
  };
}
