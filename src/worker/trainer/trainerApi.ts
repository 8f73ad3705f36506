// The trainer worker's API, behind Comlink (trainer.worker.ts) and, unchanged, in Node: the same
// meta-training as `vsml meta-train` (src/meta/trainer.ts, its schedule in src/meta/schedule.ts) run
// step by step in the worker, on WebGPU or, where WebGPU is absent, the CPU reference. Autosaved to a
// KeyValueStore (IndexedDB in the browser) every checkpointEvery steps and at pause/stop, so a crash
// loses at most one interval; resume() continues bit for bit, from the autosave or from a checkpoint
// file of the CLI. Every refusal is a value whose message starts with the field or file it concerns.
//
// One file per concern: trainerOpen.ts (config/checkpoint + files -> a trainer on checked engines),
// trainerRun.ts (the loop, pause/stop, autosave, frames), trainerHistory.ts (losses, evaluations),
// trainerSummary.ts (words about a config), trainerEngine.ts (WebGPU or the CPU, and why),
// storage/ (the store, the autosave record, the learner handed to the studio).
import { parseCheckpoint, serialiseCheckpoint, type Checkpoint } from '../../meta/checkpoint';
import type { MetaConfig, MetaMethod } from '../../meta/metaConfig';
import { metaConfigToJson, parseMetaConfig, presetConfig } from '../../meta/metaConfigParse';
import { PRESET_NAMES, type PresetName } from '../../meta/presets';
import type { FileInput } from '../../data/types';
import { parseJsonText } from '../../model/formats/json';
import { serialiseLearner } from '../../model/formats/learner';
import { formatRefusal } from '../../model/resources';
import { formatFieldError, type Result } from '../../model/result';
import { SerialQueue } from '../shared/serial';
import { StoredValueError } from '../storage/keyValueStore';
import type { TrainedTask } from './trainedTask';
import { discardAutosave, readAutosave, readAutosaveMeta, type UnreadableAutosave as UnreadableSave } from './trainerAutosave';
import { saveHandoffLearner } from '../storage/learnerHandoff';
import { TrainerHistory, type EvaluationRecord } from './trainerHistory';
import { configMemoryRefusal, openTrainer, trainerMemoryLimit, type TrainerDeps } from './trainerOpen';
import { TrainerRun } from './trainerRun';
import { configNameOf, describeMetaConfig } from './trainerSummary';

export type { FileInput } from '../../data/types';
export type { TrainerClock, TrainerDeps, DataRequest } from './trainerOpen';
export type { EvaluationRecord, EvaluationResult } from './trainerHistory';

export interface TrainerPreset {
  readonly name: string;
  readonly title: string;
  readonly blurb: string;
  /** A full vsml-meta-config JSON document. */
  readonly config: Record<string, unknown>;
}

export type CheckReply =
  | { readonly ok: true; readonly summary: string }
  | { readonly ok: false; readonly field: string; readonly message: string };

export type StartReply = { readonly ok: true; readonly info: TrainerInfo } | { readonly ok: false; readonly message: string };

export interface TrainerInfo {
  /** The engine of the rollouts ('webgpu', 'cpu' the fast CPU engine, or 'reference'; 'reference' for method gradient, which computes in TypeScript on the CPU). */
  readonly backend: string;
  readonly description: string;
  /** Why the CPU reference runs instead of WebGPU (for the banner); null on WebGPU. */
  readonly fallback: string | null;
  readonly totalSteps: number;
  readonly method: MetaMethod;
  readonly pairs: number;
  readonly configName: string;
  readonly evaluationNames: readonly string[];
  /** The task the run trains on, as the studio opens it ("Open in studio"). */
  readonly task: TrainedTask;
}

export type TrainerState = 'idle' | 'running' | 'paused' | 'stopped' | 'done' | 'failed';

export interface TrainerFrame {
  readonly state: TrainerState;
  readonly step: number;
  readonly totalSteps: number;
  /**
   * Meta-loss of step i+1 at index i; NaN for a rejected step, and for the steps before `historyFrom`
   * (a run resumed from an imported checkpoint, which carries no history).
   */
  readonly losses: Float64Array;
  /** Debiased EMA of the losses (beta 0.9, Adam-style bias correction), same length; NaN where losses is NaN, which do not enter the average. */
  readonly lossesSmoothed: Float64Array;
  /** Step numbers that were rejected. */
  readonly rejectedSteps: Int32Array;
  /** e.g. "step 7 rejected: pair 3: L- is NaN". */
  readonly lastRejection: string | null;
  /** The last step's 2P rollout losses (L+ of every pair, then L-), for a histogram; method gradient: the P trajectory losses twice. */
  readonly populationLosses: Float64Array;
  readonly evaluations: readonly EvaluationRecord[];
  readonly stepsPerSecond: number;
  readonly etaSeconds: number | null;
  /** Last checkpoint written to the store (IndexedDB). */
  readonly lastSavedStep: number | null;
  readonly notice: string | null;
  /** Added: the first step whose loss is known (0 unless resumed from an imported checkpoint). */
  readonly historyFrom: number;
}

export interface SavedRun {
  readonly step: number;
  readonly totalSteps: number;
  /** ISO 8601. */
  readonly savedAt: string;
  readonly configName: string;
}

/** A saved run is stored but cannot be read: why ("autosave: ..."); the page offers to discard it. */
export type { UnreadableAutosave as UnreadableSave } from './trainerAutosave';

export interface TrainerApi {
  /** quick-demo (first), paper-fig6, clone-demo, as full config documents. */
  presets(): readonly TrainerPreset[];
  /** Field-named validation (parseMetaConfig), without starting. */
  check(configDoc: unknown): Promise<CheckReply>;
  /**
   * Start a new run (replacing a running, paused or stopped one once the new one is ready; a refused
   * start leaves the old one as it was). files: the user's dataset files, matched to the config's
   * file paths by FileInput.name (the whole path, else its last segment). A config that does not fit
   * the GPU's limits is refused with the GPU engine's message (no fallback); the CPU reference runs
   * only where WebGPU is absent.
   */
  start(configDoc: unknown, files?: readonly FileInput[]): Promise<StartReply>;
  /** Resume from the autosave (checkpointDoc undefined) or an imported vsml-checkpoint (a document or its text); bit for bit as the CLI's --resume. */
  resume(checkpointDoc?: unknown, files?: readonly FileInput[]): Promise<StartReply>;
  /** After the step in flight; saves a checkpoint to the store. */
  pause(): Promise<void>;
  /** Continue after pause. */
  play(): void;
  /** After the step in flight; saves a checkpoint; frees the engines; state 'stopped' (resume() continues it). */
  stop(): Promise<void>;
  frame(): Promise<TrainerFrame | null>;
  /** serialiseCheckpoint text: loads in `vsml meta-train --resume` (the CLI's checkpoint.json). */
  exportCheckpoint(): Promise<string | null>;
  /** vsml-learner text, as the CLI's learner.json. */
  exportLearner(): Promise<string | null>;
  /** What the store holds, for the "resume?" offer after a reload, a crash or a failed run; `unreadable` when a record is there but cannot be read. */
  savedRun(): Promise<SavedRun | UnreadableSave | null>;
  discardSaved(): Promise<void>;
  /** Save the current learner for the studio's "Open in studio" (storage/learnerHandoff.ts). */
  handoffLearner(): Promise<boolean>;
}

const PRESET_TEXT: { readonly [N in PresetName]: { readonly title: string; readonly blurb: string } } = {
  'quick-demo': {
    title: 'Quick demo (ES, the loss falls in a minute)',
    blurb: 'ES on 7x7 MNIST, classes 0-2, with and without a random projection, from the shipped learner cloned from online SGD: 16 pairs x 30 examples, sigma 0.01. On a CPU-only WebGPU the meta-loss fell from 0.92 to 0.85 in 60 steps (38 s); a laptop GPU is faster.',
  },
  'cold-demo': {
    title: 'Cold start (ES from the official initialisation)',
    blurb: 'The same small task from the official initialisation: 8 pairs x 50 examples, 300 steps. It exercises the whole ES trainer, but at this scale the meta-loss stays near ln 3 (docs/META_TRAINING.md): ES from scratch needs the paper\'s population and steps.',
  },
  'paper-fig6': {
    title: 'Paper, Fig. 6 (ES, official scale)',
    blurb: 'The official configuration: MNIST, half the pairs randomly projected, 1,024 pairs x 500 examples, 10,000 steps. An official-scale job: a single step takes minutes even on a GPU.',
  },
  'clone-demo': {
    title: 'Clone online SGD (gradients)',
    blurb: 'Learning-algorithm cloning (paper section 3.2): gradients through the unroll regress every cell onto online SGD on 5x5 MNIST, 10 classes; held-out accuracy rises from chance within about 200 steps.',
  },
  'clone-backprop-demo': {
    title: 'Clone backprop into one sub-RNN tick (regression)',
    blurb: 'Learning-algorithm cloning of backprop (paper section 3.2, Fig. 4/5): each sub-RNN keeps w and b in its state and learns the forward pass tanh(x) w + b, the backward error and the updates, by regression on random cells (256 per step). The held-out runs use the cloned learner with a reverse tick after every example, on the CPU.',
  },
};

/** quick-demo first. */
const PRESET_ORDER: readonly PresetName[] = ['quick-demo', ...PRESET_NAMES.filter((n) => n !== 'quick-demo')];

/** A document, or its JSON text. */
function readDoc(doc: unknown, what: string): Result<unknown> {
  if (typeof doc !== 'string') return { ok: true, value: doc };
  const r = parseJsonText(doc);
  return r.ok ? r : { ok: false, error: { ...r.error, field: what } };
}

/** The config and the document it came from (for its "preset" field). */
function parseConfigDoc(doc: unknown): Result<{ config: MetaConfig; doc: unknown }> {
  const raw = readDoc(doc, 'config');
  if (!raw.ok) return raw;
  const config = parseMetaConfig(raw.value);
  return config.ok ? { ok: true, value: { config: config.value, doc: raw.value } } : config;
}

const refuse = (message: string): StartReply => ({ ok: false, message });
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createTrainerApi(deps: TrainerDeps): TrainerApi {
  let run: TrainerRun | null = null;
  /** start, resume, pause, stop and play, one at a time. */
  const control = new SerialQueue();

  /** Open a trainer and make it the run (the old one stops after its step in flight), playing. */
  async function begin(config: MetaConfig, files: readonly FileInput[], configName: string, from?: { checkpoint: Checkpoint; history: TrainerHistory; saved: boolean }): Promise<StartReply> {
    const opened = await openTrainer(deps, config, files, from?.checkpoint);
    if (!opened.ok) return refuse(opened.message);
    const next = new TrainerRun(opened.value, from?.history ?? new TrainerHistory(0), {
      store: deps.store,
      clock: deps.clock,
      configName,
      lastSavedStep: from?.saved ? from.checkpoint.step : null,
    });
    const old = run;
    run = next;
    if (old) await old.retire();
    next.play();
    return { ok: true, info: next.info() };
  }

  return {
    presets: () =>
      PRESET_ORDER.map((name) => ({ name, ...PRESET_TEXT[name], config: metaConfigToJson(presetConfig(name)) })),

    async check(configDoc) {
      const r = parseConfigDoc(configDoc);
      if (!r.ok) return { ok: false, field: r.error.field, message: formatFieldError(r.error) };
      const tooBig = await configMemoryRefusal(r.value.config, trainerMemoryLimit(deps));
      if (tooBig) return { ok: false, field: tooBig.field, message: formatRefusal(tooBig) };
      return { ok: true, summary: describeMetaConfig(r.value.config) };
    },

    start: (configDoc, files = []) =>
      control.run(async () => {
        const r = parseConfigDoc(configDoc);
        if (!r.ok) return refuse(formatFieldError(r.error));
        return begin(r.value.config, files, configNameOf(r.value.config, r.value.doc));
      }),

    resume: (checkpointDoc, files = []) =>
      control.run(async () => {
        if (checkpointDoc === undefined) {
          let saved;
          try {
            saved = await readAutosave(deps.store);
          } catch (e) {
            return refuse(e instanceof StoredValueError ? `autosave: ${e.message}; discard it to start afresh` : `autosave: cannot be read: ${messageOf(e)}`);
          }
          if (saved === null) return refuse('autosave: nothing saved to resume');
          if (!saved.ok) return refuse(formatFieldError(saved.error));
          const { checkpoint, history, meta } = saved.value;
          const h = TrainerHistory.fromJson(history, checkpoint.step) ?? new TrainerHistory(checkpoint.step);
          return begin(checkpoint.config, files, meta.configName, { checkpoint, history: h, saved: true });
        }
        const raw = readDoc(checkpointDoc, '');
        const cp = raw.ok ? parseCheckpoint(raw.value) : raw;
        if (!cp.ok) return refuse(`checkpoint: ${formatFieldError(cp.error)}`);
        const checkpoint = cp.value;
        return begin(checkpoint.config, files, configNameOf(checkpoint.config), { checkpoint, history: new TrainerHistory(checkpoint.step), saved: false });
      }),

    pause: () => control.run(async () => run?.halt('pause')),
    play: () => void control.run(() => run?.play()),
    stop: () => control.run(async () => run?.halt('stop')),
    frame: async () => run?.frame() ?? null,

    async exportCheckpoint() {
      if (!run) return null;
      try {
        return serialiseCheckpoint(run.trainer.checkpoint());
      } catch {
        return null;
      }
    },
    exportLearner: async () => (run ? serialiseLearner(run.trainer.learner()) : null),

    async savedRun() {
      try {
        return await readAutosaveMeta(deps.store);
      } catch {
        return null;
      }
    },
    discardSaved: () => discardAutosave(deps.store),

    async handoffLearner() {
      if (!run) return false;
      try {
        await saveHandoffLearner(deps.store, serialiseLearner(run.trainer.learner()));
        return true;
      } catch {
        return false;
      }
    },
  };
}
