// The trainer's contract: what the trainer page and the trainer worker (trainer.worker.ts) say to each
// other through Comlink. Types only, so the page imports them without the worker's code: the API
// (TrainerApi), its replies, the frames the page pulls (TrainerFrame) and the saved run it may resume.
// Every refusal is a value whose message starts with the field or file it concerns.
import type { FileInput } from '../../data/types';
import type { MetaMethod } from '../../meta/metaConfig';
import type { Reply } from '../../model/result';
import type { EvaluationRecord } from './trainerHistory';
import type { TrainedTask } from './trainedTask';
import type { UnreadableAutosave as UnreadableSave } from './trainerAutosave';

export type { FileInput } from '../../data/types';
export type { EvaluationRecord, EvaluationResult } from './trainerHistory';
export type { TrainedTask } from './trainedTask';

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

export type StartReply = Reply<{ readonly info: TrainerInfo }>;

export interface TrainerInfo {
  /**
   * The engine of the rollouts ('webgpu', 'cpu' the fast CPU engine, or 'reference'; 'reference' for method gradient,
   * which computes in TypeScript on the CPU).
   */
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

/** Where a run is: not started, stepping, paused or stopped (resumable), finished, or stopped by an error. */
export type TrainerStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'done' | 'failed';

export interface TrainerFrame {
  readonly state: TrainerStatus;
  readonly step: number;
  readonly totalSteps: number;
  /**
   * Meta-loss of step i+1 at index i; NaN for a rejected step, and for the steps before `historyFrom`
   * (a run resumed from an imported checkpoint, which carries no history).
   */
  readonly losses: Float64Array;
  /**
   * Debiased EMA of the losses (beta 0.9, Adam-style bias correction), same length; NaN where losses is NaN, which do
   * not enter the average.
   */
  readonly lossesSmoothed: Float64Array;
  /** Step numbers that were rejected. */
  readonly rejectedSteps: Int32Array;
  /** e.g. "step 7 rejected: pair 3: L- is NaN". */
  readonly lastRejection: string | null;
  /**
   * The last step's 2P rollout losses (L+ of every pair, then L-), for a histogram; method gradient: the P trajectory
   * losses twice.
   */
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
  /**
   * Resume from the autosave (checkpointDoc undefined) or an imported vsml-checkpoint (a document or its text); bit for
   * bit as the CLI's --resume.
   */
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
  /**
   * What the store holds, for the "resume?" offer after a reload, a crash or a failed run; `unreadable` when a record
   * is there but cannot be read.
   */
  savedRun(): Promise<SavedRun | UnreadableSave | null>;
  discardSaved(): Promise<void>;
  /** Save the current learner for the studio's "Open in studio" (../storage/learnerHandoff.ts). */
  handoffLearner(): Promise<boolean>;
}
