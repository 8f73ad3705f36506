// From settings, a parsed learner and files to a ready session (paused at example 0): the data set
// opened and transformed, the streams (i.i.d. or association episodes), an engine from the injected
// factory. Before the task is built, the session's memory is estimated (sessionMemory.ts) and
// refused over the limit (SessionDeps.memoryLimit, else memoryLimit.ts). A session opened on the CPU
// reference while its GPU engine is still being made carries that engine (`upgrade`) and a way to
// make its streams again from example 0 (`replay`), to move onto it (handover.ts). Every refusal is a message
// that starts with the setting it concerns ("classes: ...",
// "learner: ...", or the data set's name for its files), and nothing is left allocated.
import { createAssociationStreams } from '../../data/associationStream';
import { imageInput } from '../../data/imageInput';
import type { DatasetFiles } from '../../data/load';
import { createRunStreams } from '../../data/stream';
import { buildTask } from '../../data/task';
import { taskSize } from '../../data/taskSize';
import type { Task } from '../../data/types';
import type { BlockSource } from '../../model/engine';
import { BASELINE_NAMES } from '../../model/baselines/kinds';
import type { Learner } from '../../model/formats/learner';
import { formatRefusal, memoryRefusal } from '../../model/resources';
import { errorMessage, formatFieldError, type FieldError, type Reply, type Result } from '../../model/result';
import type { EngineChoice } from '../shared/engineChoice';
import { browserMemoryLimit } from '../shared/memoryLimit';
import { learnedEntries, learnedLines, type ParsedLearned } from './learnedLines';
import { sessionMemory, STUDIO_RAISE } from './sessionMemory';
import { Session } from './session';
import type { MemoryLimit } from '../../model/resources';
import type { DataSource, SplitName } from '../../data/types';
import type { EngineSpec } from '../../model/engine';
import type { SessionInfo, SessionSettings } from './contract';
import type { PacingClock } from './player';

/** What a session is made with: its engines and data (injected: the browser's, or Node's in tests and the CLI). */
export interface SessionDeps {
  makeEngine(spec: EngineSpec): Promise<EngineChoice>;
  /** `files`: the user's files for the idx and cifar data sets (OpenRequest.files). */
  openData(
    dataset: string,
    split: SplitName,
    seed: number,
    files: DatasetFiles | undefined,
  ): Promise<Result<DataSource>>;
  /** Default: performance.now and setTimeout. */
  readonly clock?: PacingClock;
  /** What a session may need (openSession refuses more); default browserMemoryLimit (memoryLimit.ts). */
  readonly memoryLimit?: MemoryLimit;
  /**
   * The learner document the trainer handed over (storage/learnerHandoff.ts), null when none; default: none (no store,
   * as in Node).
   */
  loadTrainedLearner?(): Promise<unknown | null>;
}

export interface OpenedSession {
  readonly session: Session;
  readonly info: SessionInfo;
  /** The engine's device-loss message (GPU engines), or undefined. */
  readonly lost: Promise<string> | undefined;
  /**
   * The GPU engine still being made while the session runs on the CPU reference (EngineChoice.upgrade), or undefined.
   */
  readonly upgrade: Promise<EngineChoice> | undefined;
  /** The session's streams again, from example 0 (for a handover's replay). */
  readonly replay: () => BlockSource;
}

/** SessionInfo.handover while the session runs on the CPU reference until WebGPU is ready. */
export const HANDOVER_PENDING =
  'WebGPU is getting ready (compiling its kernels); the session moves onto it, exactly where it is, as soon as it is';

export type Opened = Reply<{ readonly value: OpenedSession }>;

const refuse = (message: string): Opened => ({ ok: false, message });

/** The setting a TaskSpec field comes from. */
const SETTING_OF_TASK_FIELD: { readonly [field: string]: string } = {
  classes: 'classes',
  resize: 'resize',
  shufflePixels: 'shuffle',
  project: 'project',
  seed: 'seed',
};

/** Settings whose values can be checked without opening anything: the first bad one, named. */
export function checkSettings(s: SessionSettings): string | null {
  if (typeof s.dataset !== 'string') return `dataset: must be a name, got ${String(s.dataset)}`;
  if (s.split !== 'train' && s.split !== 'test') return `split: must be train or test, got ${String(s.split)}`;
  if (s.resize !== null && !Number.isInteger(s.resize))
    return `resize: must be an integer side or null, got ${s.resize}`;
  if (!Number.isInteger(s.runs) || s.runs < 1) return `runs: must be a positive integer, got ${s.runs}`;
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > 0xffffffff)
    return `seed: must be an integer in [0, 2^32), got ${s.seed}`;
  if (!Array.isArray(s.baselines)) return 'baselines: must be a list';
  for (const [i, b] of s.baselines.entries()) {
    if (!(BASELINE_NAMES as readonly string[]).includes(b))
      return `baselines[${i}]: unknown baseline "${b}" (known: ${BASELINE_NAMES.join(', ')})`;
    if (s.baselines.indexOf(b) !== i) return `baselines[${i}]: ${b} is listed twice`;
  }
  if (s.classes !== null && !Array.isArray(s.classes)) return 'classes: must be a list of class indices or null';
  if (typeof s.shuffle !== 'boolean') return `shuffle: must be true or false, got ${String(s.shuffle)}`;
  if (typeof s.project !== 'boolean') return `project: must be true or false, got ${String(s.project)}`;
  if (s.stream !== 'iid' && s.stream !== 'association')
    return `stream: must be iid or association, got ${String(s.stream)}`;
  if (s.order !== undefined && s.order !== 'apart' && s.order !== 'adjacent')
    return `order: must be apart or adjacent, got ${String(s.order)}`;
  if (s.fresh !== undefined && typeof s.fresh !== 'boolean')
    return `fresh: must be true or false, got ${String(s.fresh)}`;
  return null;
}

function taskError(dataset: string, e: FieldError, resize: number | null): string {
  // A task too large to hold is the resize's doing when there is one (inputs grow with its square).
  const setting = SETTING_OF_TASK_FIELD[e.field] ?? (e.field === 'task' && resize !== null ? 'resize' : undefined);
  return setting ? `${setting}: ${e.message}` : `${dataset}: ${formatFieldError(e)}`;
}

function streamsOf(
  task: Task,
  s: SessionSettings,
): { ok: true; value: BlockSource } | { ok: false; error: FieldError } {
  const options = { seed: s.seed, runs: s.runs };
  return s.stream === 'association'
    ? createAssociationStreams(task, { ...options, order: s.order, fresh: s.fresh })
    : createRunStreams(task, options);
}

export async function openSession(
  deps: SessionDeps,
  s: SessionSettings,
  learner: Learner,
  files: DatasetFiles | undefined,
  learned: readonly ParsedLearned[] = [],
): Promise<Opened> {
  const bad = checkSettings(s);
  if (bad) return refuse(bad);
  const source = await deps.openData(s.dataset, s.split, s.seed, files);
  if (!source.ok) return refuse(`${s.dataset}: ${formatFieldError(source.error)}`);
  const spec = {
    seed: s.seed,
    resize: s.resize,
    shufflePixels: s.shuffle,
    project: s.project,
    classes: s.classes ?? undefined,
  };
  const size = taskSize(source.value, spec);
  if (!size.ok) return refuse(taskError(s.dataset, size.error, s.resize));
  const tooBig = memoryRefusal(
    sessionMemory(s, learner.config, size.value, learned),
    deps.memoryLimit ?? browserMemoryLimit(STUDIO_RAISE),
  );
  if (tooBig) return refuse(formatRefusal(tooBig));
  const task = buildTask(source.value, spec);
  if (!task.ok) return refuse(taskError(s.dataset, task.error, s.resize));
  const streams = streamsOf(task.value, s);
  if (!streams.ok) return refuse(formatFieldError(streams.error));
  const { inputSize, numClasses, classNames, shape, name } = task.value;
  const lines = learnedLines(learned, { inputSize, numClasses }, s.runs);
  if (!lines.ok) return refuse(lines.message);
  let choice: EngineChoice;
  try {
    choice = await deps.makeEngine({ config: learner.config, inputSize, numClasses, runs: s.runs });
  } catch (e) {
    return refuse(`engine: ${errorMessage(e)}`);
  }
  const { engine, fallback } = choice;
  let session: Session;
  try {
    session = new Session(engine, streams.value, {
      learner,
      baselines: s.baselines,
      learned: lines.value,
      seed: s.seed,
      drawing: imageInput(source.value, spec),
    });
  } catch (e) {
    engine.dispose();
    void choice.upgrade?.then((c) => c.engine.dispose());
    return refuse(`engine: ${errorMessage(e)}`);
  }
  const image = source.value.kind === 'images' && !s.project;
  const info: SessionInfo = {
    backend: engine.backend,
    description: engine.description,
    fallback,
    inputSize,
    numClasses,
    classNames,
    imageShape: image ? { height: shape.height, width: shape.width, channels: shape.channels } : null,
    taskName: name,
    runs: s.runs,
    layers: engine.shapes.map(({ A, B }) => ({ A, B })),
    stateSize: learner.config.stateSize,
    handover: choice.upgrade ? HANDOVER_PENDING : null,
    learned: learnedEntries(learned),
  };
  const replay = (): BlockSource => {
    const again = streamsOf(task.value, s);
    if (!again.ok) throw new Error(formatFieldError(again.error));
    return again.value;
  };
  return { ok: true, value: { session, info, lost: choice.lost, upgrade: choice.upgrade, replay } };
}
