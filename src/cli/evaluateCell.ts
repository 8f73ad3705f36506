// One cell of `vsml evaluate`: one learner on one dataset (with its transforms), checked and then run.
// `prepareCell` does everything that can refuse the request (the learner, the data flags, the data
// set, the memory) before anything is run, so a table of cells is refused as a whole before its
// first cell runs; `runCell` runs the protocol and returns the evaluation document (and, with
// --at, every run's cumulative accuracy at the steps asked for: evaluateAt.ts).
import { createAssociationStreams, type AssociationOrder } from '../data/associationStream';
import { openDatasetNode } from '../data/node/open';
import { createRunStreams } from '../data/stream';
import { buildTask } from '../data/task';
import type { Stream } from '../data/streamFile';
import { taskSize, type TaskSize } from '../data/taskSize';
import type { DataSource } from '../data/types';
import { evaluateAssociation } from '../meta/associationEvaluation';
import { vsmlReset } from '../meta/episodes';
import { evaluate } from '../meta/evaluate';
import { learnedBatchLearner, learnedShapeError } from '../meta/learnedBatch';
import { baselineLearner, vsmlLearner } from '../meta/learners';
import type { BatchLearner } from '../meta/protocol';
import { BASELINES, type BaselineName } from '../model/baselines/kinds';
import { mlpLayout } from '../model/baselines/mlpLayout';
import type { BaselineInit } from '../model/baselines/online';
import type { BackendName, VsmlEngine } from '../model/engine';
import type { Evaluation, MeanStd } from '../model/formats/evaluation';
import type { MemoryLimit } from '../model/resources';
import { errorLine, type FieldError, formatFieldError } from '../model/result';
import type { FlagValues } from './args';
import { parseDataFlags, type DataRequest } from './dataFlags';
import { createEngine } from './engineFactory';
import { tapAt } from './evaluateAt';
import { recordRun0 } from './evaluateStreamOut';
import { evaluateMemory, type EvaluatedLearner } from './evaluateMemory';
import type { LearnerChoice } from './evaluateLearner';
import { refuseOverLimit } from './memoryFlag';

export const NAME = 'vsml evaluate';
/** Weights plus optimiser state of all baseline runs (Float32): 2 GiB. */
export const MAX_BASELINE_BYTES = 2 * 1024 ** 3;

/** What every cell of one command shares. */
export interface CellOptions {
  readonly steps: number;
  readonly runs: number;
  readonly seed: number;
  readonly backend: BackendName;
  readonly init: BaselineInit;
  /** null: the i.i.d. stream; else the association stream's order and freshness. */
  readonly association: { readonly order: AssociationOrder; readonly fresh: boolean } | null;
  /** What the request may need (--max-memory). */
  readonly limit: MemoryLimit;
  /** Steps (1-based, increasing, at most `steps`) at which to keep every run's cumulative accuracy. */
  readonly at: readonly number[];
  /** Keep run 0's examples (--stream-out). */
  readonly recordRun0?: boolean;
}

export type { LearnerChoice };

/** A cell ready to run: nothing left to refuse. */
export interface PreparedCell {
  readonly learnerText: string;
  readonly learner: LearnerChoice;
  readonly data: DataRequest;
  readonly source: DataSource;
  readonly size: TaskSize;
}

export interface CellResult {
  readonly evaluation: Evaluation;
  /** acc_r(s) over runs at each step of CellOptions.at. */
  readonly at: MeanStd[];
  readonly seconds: number;
  /** The task's name ("mnist-idx/test") and grid, for the closing line. */
  readonly taskName: string;
  readonly inputSize: number;
  readonly numClasses: number;
  /** Run 0's examples, when asked for (CellOptions.recordRun0). */
  readonly stream?: Stream;
}

type Line = { readonly ok: false; readonly line: string };
const gib = (bytes: number): string => (bytes / 1024 ** 3).toFixed(1);

/** A data or flag error as its one line: flags as "vsml evaluate: --flag: ...", files as "FILE: ...". */
export const dataLine = (e: FieldError): string =>
  e.field.startsWith('--') ? `${NAME}: ${formatFieldError(e)}` : formatFieldError(e);
const transformLine = (e: FieldError): string => `${NAME}: --transform: ${formatFieldError(e)}`;

/** Bytes of R baseline runs: parameters, and Adam's two moments. */
function baselineBytes(name: BaselineName, A: number, K: number, runs: number): number {
  const spec = BASELINES[name];
  const copies = spec.optimizer.kind === 'adam' ? 3 : 1;
  return mlpLayout([A, ...spec.hidden, K]).size * copies * 4 * runs;
}

/** Data sets opened once per command: cells on the same data (and the same open request) share it. */
export type SourceCache = Map<string, Promise<Awaited<ReturnType<typeof openDatasetNode>>>>;

/**
 * Check one cell: its data flags (`flags` with this cell's --dataset and --transform), the data set, its task size and
 * the memory.
 */
export async function prepareCell(
  learnerText: string,
  learner: LearnerChoice,
  flags: FlagValues,
  opts: CellOptions,
  cache: SourceCache,
): Promise<{ ok: true; value: PreparedCell } | Line> {
  const data = parseDataFlags(flags, opts.seed);
  if (!data.ok) return { ok: false, line: dataLine(data.error) };
  const key = JSON.stringify([data.value.info.name, data.value.open]);
  if (!cache.has(key)) cache.set(key, openDatasetNode(data.value.info, data.value.open));
  const source = await (cache.get(key) as ReturnType<typeof openDatasetNode>);
  if (!source.ok) return { ok: false, line: dataLine(source.error) };
  const size = taskSize(source.value, data.value.task);
  if (!size.ok) return { ok: false, line: transformLine(size.error) };
  const { inputSize: A, numClasses: K } = size.value;
  if (learner.kind === 'baseline') {
    const bytes = baselineBytes(learner.name, A, K, opts.runs);
    if (bytes > MAX_BASELINE_BYTES) {
      return {
        ok: false,
        line: `${NAME}: --runs: ${opts.runs} runs of ${learner.name} on ${A} inputs need ${gib(bytes)} GiB of weights and optimiser state, over the ${gib(MAX_BASELINE_BYTES)} GiB limit`,
      };
    }
  }
  if (learner.kind === 'learned') {
    const bad = learnedShapeError(learner.learner, size.value);
    if (bad)
      return {
        ok: false,
        line: `${NAME}: ${learner.path}: ${formatFieldError(bad)} (${data.value.info.name} ${data.value.split}${data.value.transform ? ` [${data.value.transform}]` : ''})`,
      };
  }
  const evaluated: EvaluatedLearner =
    learner.kind === 'vsml' ? { kind: 'vsml', path: learner.path, config: learner.learner.config } : learner;
  const tooBig = refuseOverLimit(
    NAME,
    evaluateMemory(evaluated, size.value, opts.runs, opts.steps, opts.association ? 2 : 1),
    opts.limit,
  );
  if (tooBig) return { ok: false, line: tooBig };
  return { ok: true, value: { learnerText, learner, data: data.value, source: source.value, size: size.value } };
}

/**
 * Run a prepared cell: its task and streams, the learner, the protocol. Bad input (exit 2) or a runtime failure (exit
 * 1) as its line.
 */
export async function runCell(
  cell: PreparedCell,
  opts: CellOptions,
): Promise<{ ok: true; value: CellResult } | (Line & { readonly runtime: boolean })> {
  const bad = (line: string) => ({ ok: false as const, line, runtime: false });
  const failed = (line: string) => ({ ok: false as const, line, runtime: true });
  const { learner, data } = cell;
  const { inputSize: A, numClasses: K } = cell.size;
  const task = buildTask(cell.source, data.task);
  if (!task.ok) return bad(transformLine(task.error));
  const streamOptions = { seed: opts.seed, runs: opts.runs };
  const streams = opts.association
    ? createAssociationStreams(task.value, { ...streamOptions, ...opts.association })
    : createRunStreams(task.value, streamOptions);
  if (!streams.ok) {
    const { field, message } = streams.error;
    return bad(
      `${NAME}: ${field === 'stream' || field === 'order' ? `--${field}: ${message}` : formatFieldError(streams.error)}`,
    );
  }

  const baseline = learner.kind === 'baseline';
  const backend = learner.kind === 'vsml' ? opts.backend : 'cpu';
  let engine: VsmlEngine | null = null;
  let batch: BatchLearner;
  let reset: () => void;
  if (learner.kind === 'baseline') {
    const baselines = baselineLearner(learner.name, A, K, opts.runs, opts.seed, opts.init);
    batch = baselines;
    reset = () => baselines.reset(opts.seed, opts.init);
  } else if (learner.kind === 'learned') {
    const made = learnedBatchLearner(learner.learner, cell.size, opts.runs);
    if (!made.ok) return bad(`${NAME}: ${learner.path}: ${formatFieldError(made.error)}`);
    const learned = made.value;
    batch = learned;
    reset = () => learned.resetState();
  } else {
    const spec = { config: learner.learner.config, inputSize: A, numClasses: K, runs: opts.runs };
    try {
      engine = await createEngine(opts.backend, spec);
    } catch (e) {
      return failed(`${NAME}: ${opts.backend} backend failed: ${errorLine(e)}`);
    }
    batch = vsmlLearner(engine, learner.learner, opts.seed);
    const made = engine;
    reset = vsmlReset(() => made, learner.learner, opts.seed);
  }
  const recorder = opts.recordRun0 ? recordRun0(batch, opts.steps, A, K) : null;
  const tap = tapAt(recorder?.learner ?? batch, opts.at);

  const started = performance.now();
  let evaluation: Evaluation;
  try {
    const labels = {
      learner: cell.learnerText,
      dataset: data.info.name,
      split: data.split,
      ...(data.transform ? { transform: data.transform } : {}),
      seed: opts.seed,
      backend,
      ...(baseline ? { init: opts.init } : {}),
    };
    const source = streams.value;
    evaluation = (
      'episodes' in source
        ? await evaluateAssociation(
            tap.learner,
            reset,
            source,
            opts.association?.order ?? 'apart',
            { steps: opts.steps },
            labels,
          )
        : await evaluate(tap.learner, source, { steps: opts.steps }, labels)
    ).evaluation;
  } catch (e) {
    return failed(`${NAME}: ${backend} evaluation failed: ${errorLine(e)}`);
  } finally {
    engine?.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  const value = { evaluation, at: tap.values(), seconds, taskName: task.value.name, inputSize: A, numClasses: K };
  return { ok: true, value: recorder ? { ...value, stream: recorder.stream() } : value };
}
