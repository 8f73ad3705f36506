// The studio session's contract: what the page and the session worker (session.worker.ts) say to each
// other through Comlink. Types only, so the page imports them without the worker's code: the API
// (SessionApi), its settings and replies, the frames the page pulls (Frame) and the curves it exports.
// Every refusal is a value {ok: false, message} whose message starts with what it concerns ("open: ...",
// "explain: ...", "drawing: ...", "label: ...", "reproduce: ..."); the session is left as it was.
import type { AssociationOrder } from '../../data/associationStream';
import type { DatasetFiles } from '../../data/load';
import type { SplitName } from '../../data/types';
import type { BaselineName } from '../../model/baselines/kinds';
import type { Drawing, Explanation } from '../../model/explainTypes';
import type { LearnedKind } from '../../model/learners/learned';
import type { Reply } from '../../model/result';
import type { ShowingSummary } from '../../model/showings';

export type { Drawing, Explanation, ExplainedLayer, ExplainGate } from '../../model/explainTypes';
export type { AssociationOrder } from '../../data/associationStream';
export type { DatasetFiles } from '../../data/load';

/** A refusal: what it concerns and why, in one line. */
export type Refusal = Extract<Reply, { readonly ok: false }>;

/**
 * explainNext(): run 0's explanation of the example the session just took (computed by
 * src/model/explain.ts from run 0's state read back from the engine; with backwardPass both ticks,
 * the reverse one in explanation.reverseTick), and `agreement`: the largest |difference| between the
 * explanation's final h, c (statesAfter: after the reverse tick with backwardPass) and outputs y and
 * the engine's own after the step (0 on the CPU reference; float32 rounding on WebGPU and the fast
 * CPU engine). A refusal leaves the session where it was.
 */
export type ExplainReply = Reply<{
  readonly explanation: Explanation;
  readonly agreement: number;
  /**
   * The example's index in reproduce()'s stream (run 0's examples since its initial state, taught
   * drawings included): the T of `vsml trace --explain T`. It differs from explanation.example (the
   * stream examples the session had seen) once a drawing was taught or a fresh episode began.
   */
  readonly traceIndex: number;
}>;

/** Run 0's prediction for one input, made before any label is seen. */
export interface Prediction {
  /** [A] the drawing after the session's data path (the task's transforms and normalisation). */
  readonly input: Float32Array;
  /** [K] softmax of run 0's outputs. */
  readonly probabilities: Float32Array;
  /** Argmax of `probabilities` (the first maximum). */
  readonly predicted: number;
}

/**
 * peek(drawing): what run 0 predicts now, changing nothing. teach(drawing, label): the prediction it made before it saw
 * the label.
 */
export type PeekReply = Reply<Prediction>;
export type TeachReply = PeekReply;

/**
 * reproduce(): what `vsml trace --state STATE --stream STREAM` needs to recompute run 0 from its
 * initial state: the two documents as text (vsml-stream: run 0's examples in order, taught drawings
 * included; vsml-state: its initial h and c).
 */
export type ReproduceReply = Reply<{
  readonly stream: string;
  readonly state: string;
  /** Examples in the stream document (stream examples + taught drawings). */
  readonly examples: number;
  /** Of them, taught drawings. */
  readonly taught: number;
}>;

/**
 * Mean and (sample) std over the runs of the cumulative online accuracy: point i after (i + 1) * every examples (every:
 * 1 up to TALLY_POINTS examples).
 */
export interface AccuracyCurve {
  readonly mean: Float64Array;
  readonly std: Float64Array;
  readonly every: number;
}

/** Which state slice a frame's heatmap shows (of run 0): layer, h or c, and the state dimension j in [0, N). */
export interface StateView {
  readonly layer: number;
  readonly vector: 'h' | 'c';
  readonly j: number;
}

/** One state dimension of one layer of run 0: [rows = A][cols = B] values (engine.readStateSlice). */
export interface Heatmap {
  readonly view: StateView;
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array;
}

/** What the screen shows after the last block. */
export interface Frame {
  readonly examplesSeen: number;
  /** Run 0's last example: its A inputs, its label, and the probabilities predicted before it. */
  readonly input: Float32Array;
  readonly label: number;
  readonly probabilities: Float32Array;
  /** Argmax of `probabilities` (the first maximum). */
  readonly predicted: number;
  /** Run 0's last `history` examples, oldest first: [n][K] probabilities of the learner `strip` and [n] labels. */
  readonly recentProbabilities: Float32Array;
  /**
   * Whose probabilities `recentProbabilities` are: "vsml", a baseline or a learned learner's name (one the session does
   * not run reads "vsml").
   */
  readonly strip: string;
  readonly recentLabels: Int32Array;
  /**
   * [n] marks of the same examples (src/model/showings.ts: first or second showing, episode start); 0 on the i.i.d.
   * stream.
   */
  readonly recentMarks: Uint8Array;
  /**
   * Association stream: every learner's accuracy on first and on second showings (showingTally.ts); null on the i.i.d.
   * stream.
   */
  readonly showings: ShowingsByLearner | null;
  /**
   * VSML, every baseline and every learned learner: the cumulative accuracy, decimated to at most 1000 points, always
   * with the first and the last; x = examples seen (1-based).
   */
  readonly accuracy: { readonly [learner: string]: DecimatedCurve };
  /** The state slice of the view set with setView (run 0), or null. */
  readonly heatmap: Heatmap | null;
  /**
   * While playing, over the last 3 s or the last 10 blocks, whichever spans longer (speedMeter.ts):
   * examples per run per second, and cell-ticks per second (x S x Session.cellTicksPerExample: the sum
   * of A*B, twice with backwardPass); 0 when paused.
   */
  readonly speed: { readonly examplesPerSecond: number; readonly cellTicksPerSecond: number };
  readonly playing: boolean;
  /**
   * Changes whenever the session's SessionInfo changes (a new session, its move from the CPU
   * reference onto WebGPU, its recreation after a lost device, a GPU that could not be made): call
   * info() again when it differs from the last one seen.
   */
  readonly infoRevision: number;
  /**
   * Something the user should read: the GPU device was lost and the session recreated, an error stopped the loop, a bad
   * view.
   */
  readonly notice: string | null;
}

export interface DecimatedCurve {
  /** Examples seen at each point (1-based: point i of the full curve is after i + 1 examples). */
  readonly x: Float64Array;
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** Per learner (vsml and each baseline), first- and second-showing accuracy. */
export type ShowingsByLearner = { readonly [learner: string]: ShowingSummary };

/** A learned-learner document as the page sends it: `name` keys its curve, `file` names it in refusals. */
export interface LearnedDocument {
  readonly name: string;
  readonly file: string;
  readonly document: unknown;
}

/** A learned learner the session runs (SessionInfo.learned). */
export interface LearnedEntry {
  readonly name: string;
  readonly file: string;
  readonly kind: LearnedKind;
}

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
  /**
   * iid: the seeded shuffled epochs of src/data/stream.ts; association: Fig. 9's episodes
   * (src/data/associationStream.ts).
   */
  readonly stream: StreamKind;
  /**
   * Association stream: apart (default: a repeat never directly follows its first showing) or adjacent (back to back).
   */
  readonly order?: AssociationOrder;
  /** Association stream: every episode from fresh learners (default false: one continuing stream). */
  readonly fresh?: boolean;
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
  /**
   * While the session runs on the CPU reference only until its WebGPU engine is ready: why, in words
   * (HANDOVER_PENDING); it then moves onto WebGPU exactly where it is and the info changes
   * (Frame.infoRevision: backend "webgpu", handover null; or, when the GPU engine cannot be made,
   * handover null and the reason in `fallback`). Null otherwise.
   */
  readonly handover: string | null;
  /**
   * The learned learners without variable sharing the session runs beside VSML (their curves are keyed by name), in the
   * order given.
   */
  readonly learned: readonly LearnedEntry[];
}

export type OpenReply = Reply<{ readonly info: SessionInfo }>;

/** The learner the trainer page handed over: its document (JSON, not yet checked), null when there is none. */
export type TrainedLearnerReply = Reply<{ readonly document: unknown | null }>;

/**
 * Cumulative accuracy for export: point i is after (i + 1) * every examples (every is 1, full resolution, up to
 * TALLY_POINTS = 32768 examples; then 2, 4, ...: accuracyTally.ts).
 */
export interface AccuracyExport {
  readonly examples: number;
  readonly every: number;
  readonly runs: number;
  readonly seed: number;
  readonly taskName: string;
  readonly learners: { readonly [name: string]: { readonly mean: Float64Array; readonly std: Float64Array } };
  /**
   * Association stream: every learner's accuracy on first and on second showings so far (Frame.showings), and how the
   * stream ran; absent on the i.i.d. stream.
   */
  readonly association?: {
    readonly order: AssociationOrder;
    readonly fresh: boolean;
    readonly showings: ShowingsByLearner;
  };
}

export interface SessionApi {
  /**
   * Replace the running session (on any error the old one keeps running, even playing, and the reply says why). The new
   * one starts paused.
   * `learned`: learned learners without variable sharing to run beside VSML on the same streams (learnedLines.ts; a
   * refusal names the file and field).
   */
  open(
    settings: SessionSettings,
    learnerDocument: unknown,
    files?: DatasetFiles,
    learned?: readonly LearnedDocument[],
  ): Promise<OpenReply>;
  /**
   * Reopen with the same settings, learner and files and this seed (the same seed gives the same curves bit for bit).
   */
  restart(seed: number): Promise<OpenReply>;
  /** Run on its own in the worker at this many examples per second (Infinity: as fast as possible), until pause(). */
  play(examplesPerSecond: number): void;
  /** Stop the loop; resolves once the block in flight has finished. */
  pause(): Promise<void>;
  /** Pause, then advance by `steps` examples. */
  step(steps: number): Promise<void>;
  /** Which state slice frames carry (run 0), or null for none. */
  setView(view: StateView | null): void;
  /**
   * Whose output probabilities the frames' strip carries: "vsml" (default), a baseline or a learned learner's name
   * (Frame.strip).
   */
  setStrip(learner: string): void;
  /** The latest frame (never in the middle of a block), or null when nothing is open. */
  frame(): Promise<Frame | null>;
  /** Cumulative accuracy for export (CSV/JSON), every example up to 32768 examples, or null. */
  curves(): AccuracyExport | null;
  /**
   * The open session's info, or null; it changes (and Frame.infoRevision with it) when the session moves onto WebGPU or
   * a lost device made it be recreated (frame.notice says so).
   */
  info(): SessionInfo | null;
  /**
   * "Explain this step": pause, advance every run (VSML and the baselines, tallied as any example) by
   * exactly one example, and answer run 0's explanation of it (src/model/explain.ts on its state read
   * back before the step) and its agreement with the engine's own numbers after it.
   */
  explainNext(): Promise<ExplainReply>;
  /** Run 0's prediction for a drawing (through the task's data path), changing nothing. */
  peek(drawing: Drawing): Promise<PeekReply>;
  /**
   * Every run takes the drawing with this label as one more example outside the stream (examples seen and curves
   * unchanged); answers run 0's prediction made before the label.
   */
  teach(drawing: Drawing, label: number): Promise<TeachReply>;
  /** The vsml-stream and vsml-state documents with which `vsml trace` recomputes run 0. */
  reproduce(): Promise<ReproduceReply>;
  /**
   * The learner the trainer page handed over ("Open in studio"), read from this browser's store (IndexedDB); the page
   * opens it with open().
   */
  trainedLearner(): Promise<TrainedLearnerReply>;
}
