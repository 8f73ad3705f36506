// `vsml evaluate`: the paper's online evaluation of a learner (a VSML learner file or one of the
// SGD/Adam baselines) on a dataset: R runs of T predictions, each made before its label; writes a
// vsml-evaluation file and prints a short table. Protocol and choices: docs/EVALUATION.md.
//
// Seeds: one --seed (default 22). Run r's initial state (VSML) or weights (baselines) come from
// new Rng(seed).fork(r); run r's example order from src/data's runOrderSeed(seed, r) (with --stream
// association: the episodes of src/data/associationStream.ts from (seed, r), as the studio draws them);
// the task seed (projection, shuffle, Random's examples) from --transform's project:/shuffle: seed,
// else --seed.
//
// --stream association [--order apart|adjacent] [--fresh]: the paper's Fig. 9 stream (one image of
// every class per episode, each shown twice); the file and the table add the accuracy on first and on
// second showings (mean and sample std over runs); --fresh starts every episode from fresh learners.
//
// Memory: the request is estimated (evaluateMemory.ts) once the data set is open and before the
// task, the streams or the learner are made, and refused over --max-memory (default a quarter of
// this machine's memory); the protocol keeps a [T] curve, not every run's [R][T] correctness.
import { buildTask } from '../data/task';
import { createRunStreams } from '../data/stream';
import { ASSOCIATION_ORDERS, createAssociationStreams, type AssociationOrder } from '../data/associationStream';
import { evaluateAssociation } from '../meta/associationEvaluation';
import { vsmlReset } from '../meta/episodes';
import { openDatasetNode } from '../data/node/open';
import { taskSize, type TaskSize } from '../data/taskSize';
import type { DataSource } from '../data/types';
import { evaluate } from '../meta/evaluate';
import { baselineLearner, vsmlLearner } from '../meta/learners';
import type { BatchLearner } from '../meta/protocol';
import { BASELINE_NAMES, BASELINES, isBaselineName, type BaselineName } from '../model/baselines/kinds';
import { mlpLayout } from '../model/baselines/mlpLayout';
import { BASELINE_INITS, type BaselineInit } from '../model/baselines/online';
import type { BackendName, VsmlEngine } from '../model/engine';
import { serialiseEvaluation, type Evaluation } from '../model/formats/evaluation';
import { parseLearner, type Learner } from '../model/formats/learner';
import { formatFieldError, type FieldError } from '../model/result';
import { intFlag, type FlagValues } from './args';
import { badInput, runtimeFailure, success, type Command, type CommandIo, type Outcome } from './command';
import { DATA_FLAGS, parseDataFlags, type DataRequest } from './dataFlags';
import { BACKENDS, backendHelp, createEngine } from './engineFactory';
import { evaluateMemory, type EvaluatedLearner } from './evaluateMemory';
import { formatShowings, formatTable } from './evaluationTable';
import { readJsonFile, writeFileAtomic } from './io';
import { MAX_MEMORY_FLAG, memoryLimitOf, refuseOverLimit } from './memoryFlag';

export const MAX_STEPS = 10_000_000;
export const MAX_RUNS = 4096;
/** Weights plus optimiser state of all baseline runs (Float32): 2 GiB. */
export const MAX_BASELINE_BYTES = 2 * 1024 ** 3;

const gib = (bytes: number): string => (bytes / 1024 ** 3).toFixed(1);

/** Bytes of R baseline runs: parameters, and Adam's two moments. */
function baselineBytes(name: BaselineName, A: number, K: number, runs: number): number {
  const spec = BASELINES[name];
  const copies = spec.optimizer.kind === 'adam' ? 3 : 1;
  return mlpLayout([A, ...spec.hidden, K]).size * copies * 4 * runs;
}

const NAME = 'vsml evaluate';
const oneLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** A data or flag error as its one line: flags as "vsml evaluate: --flag: ...", files as "FILE: ...". */
const dataLine = (e: FieldError): string => (e.field.startsWith('--') ? `${NAME}: ${formatFieldError(e)}` : formatFieldError(e));

const transformLine = (e: FieldError): string => `${NAME}: --transform: ${formatFieldError(e)}`;

/** The data set opened and what its task will be, before the task is built. */
async function openData(req: DataRequest): Promise<{ ok: true; source: DataSource; size: TaskSize } | { ok: false; line: string }> {
  const source = await openDatasetNode(req.info, req.open);
  if (!source.ok) return { ok: false, line: dataLine(source.error) };
  const size = taskSize(source.value, req.task);
  if (!size.ok) return { ok: false, line: transformLine(size.error) };
  return { ok: true, source: source.value, size: size.value };
}

type LearnerChoice = { kind: 'baseline'; name: BaselineName } | { kind: 'vsml'; path: string; learner: Learner };

async function loadLearner(text: string): Promise<{ ok: true; value: LearnerChoice } | { ok: false; line: string }> {
  if (isBaselineName(text)) return { ok: true, value: { kind: 'baseline', name: text } };
  const raw = await readJsonFile(text);
  const parsed = raw.ok ? parseLearner(raw.value) : raw;
  if (!parsed.ok) return { ok: false, line: `${text}: ${formatFieldError(parsed.error)}` };
  return { ok: true, value: { kind: 'vsml', path: text, learner: parsed.value } };
}

async function run(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  const steps = intFlag(flags, 'steps', 2000, 1, MAX_STEPS);
  if (!steps.ok) return badInput(`${NAME}: ${steps.error.message}`);
  const runs = intFlag(flags, 'runs', 32, 1, MAX_RUNS);
  if (!runs.ok) return badInput(`${NAME}: ${runs.error.message}`);
  const seed = intFlag(flags, 'seed', 22, 0, 0xffffffff);
  if (!seed.ok) return badInput(`${NAME}: ${seed.error.message}`);
  const out = flags.get('out') as string;
  const learnerText = flags.get('learner') as string;
  const baseline = isBaselineName(learnerText);
  if (baseline && flags.get('backend') === 'webgpu') return badInput(`${NAME}: --backend: the baselines run on the CPU; webgpu is for VSML learner files`);
  if (!baseline && flags.has('init')) return badInput(`${NAME}: --init: only for the baselines (${BASELINE_NAMES.join(', ')}); a VSML run's initial state is drawn from --seed`);
  const backend = (flags.get('backend') ?? 'cpu') as BackendName;
  const init = (flags.get('init') ?? 'per-run') as BaselineInit;
  const association = flags.get('stream') === 'association';
  for (const f of ['order', 'fresh']) {
    if (!association && flags.has(f)) return badInput(`${NAME}: --${f}: only for --stream association`);
  }
  const order = (flags.get('order') ?? 'apart') as AssociationOrder;
  const fresh = flags.has('fresh');

  const limit = memoryLimitOf(flags);
  if (!limit.ok) return badInput(`${NAME}: ${formatFieldError(limit.error)}`);
  const data = parseDataFlags(flags, seed.value);
  if (!data.ok) return badInput(dataLine(data.error));
  const learner = await loadLearner(learnerText);
  if (!learner.ok) return badInput(learner.line);
  const opened = await openData(data.value);
  if (!opened.ok) return badInput(opened.line);
  const { inputSize: A, numClasses: K } = opened.size;
  if (learner.value.kind === 'baseline') {
    const bytes = baselineBytes(learner.value.name, A, K, runs.value);
    if (bytes > MAX_BASELINE_BYTES) {
      return badInput(`${NAME}: --runs: ${runs.value} runs of ${learner.value.name} on ${A} inputs need ${gib(bytes)} GiB of weights and optimiser state, over the ${gib(MAX_BASELINE_BYTES)} GiB limit`);
    }
  }
  const evaluated: EvaluatedLearner = learner.value.kind === 'baseline' ? learner.value : { kind: 'vsml', path: learner.value.path, config: learner.value.learner.config };
  const tooBig = refuseOverLimit(NAME, evaluateMemory(evaluated, opened.size, runs.value, steps.value, association ? 2 : 1), limit.value);
  if (tooBig) return badInput(tooBig);
  const task = buildTask(opened.source, data.value.task);
  if (!task.ok) return badInput(transformLine(task.error));
  const streamOptions = { seed: seed.value, runs: runs.value };
  const streams = association ? createAssociationStreams(task.value, { ...streamOptions, order, fresh }) : createRunStreams(task.value, streamOptions);
  if (!streams.ok) {
    const { field, message } = streams.error;
    return badInput(`${NAME}: ${field === 'stream' || field === 'order' ? `--${field}: ${message}` : formatFieldError(streams.error)}`);
  }

  let engine: VsmlEngine | null = null;
  let batch: BatchLearner;
  let reset: () => void;
  if (learner.value.kind === 'baseline') {
    const baselines = baselineLearner(learner.value.name, A, K, runs.value, seed.value, init);
    batch = baselines;
    reset = () => baselines.reset(seed.value, init);
  } else {
    const spec = { config: learner.value.learner.config, inputSize: A, numClasses: K, runs: runs.value };
    try {
      engine = await createEngine(backend, spec);
    } catch (e) {
      return runtimeFailure(`${NAME}: ${backend} backend failed: ${oneLine(e)}`);
    }
    batch = vsmlLearner(engine, learner.value.learner, seed.value);
    const made = engine;
    reset = vsmlReset(() => made, learner.value.learner, seed.value);
  }

  const started = performance.now();
  let evaluation: Evaluation;
  try {
    const labels = {
      learner: learnerText,
      dataset: data.value.info.name,
      split: data.value.split,
      ...(data.value.transform ? { transform: data.value.transform } : {}),
      seed: seed.value,
      backend: baseline ? 'cpu' : backend,
      ...(baseline ? { init } : {}),
    };
    const source = streams.value;
    evaluation = (
      'episodes' in source
        ? await evaluateAssociation(batch, reset, source, order, { steps: steps.value }, labels)
        : await evaluate(batch, source, { steps: steps.value }, labels)
    ).evaluation;
  } catch (e) {
    return runtimeFailure(`${NAME}: ${baseline ? 'cpu' : backend} evaluation failed: ${oneLine(e)}`);
  } finally {
    engine?.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  try {
    await writeFileAtomic(out, serialiseEvaluation(evaluation));
  } catch (e) {
    return runtimeFailure(`${NAME}: cannot write ${out}: ${oneLine(e)}`);
  }
  formatTable([evaluation]).forEach((l) => io.info(l));
  if (evaluation.association) formatShowings(evaluation).forEach((l) => io.info(l));
  io.info(`evaluate: ${runs.value} runs x ${steps.value} steps of ${task.value.name} (A=${A}, K=${K}) in ${seconds.toFixed(1)} s -> ${out}`);
  return success;
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'online evaluation: R runs of T predictions, each before its label; cumulative accuracy with std over runs',
  flags: [
    { name: 'learner', value: `L.json|${BASELINE_NAMES.join('|')}`, required: true, help: 'a vsml-learner file, or a baseline (online SGD/Adam, shallow or 160-tanh deep)' },
    ...DATA_FLAGS,
    { name: 'steps', value: 'T', help: `predictions per run (default 2000, at most ${MAX_STEPS})` },
    { name: 'runs', value: 'R', help: `independent runs (default 32, at most ${MAX_RUNS})` },
    { name: 'seed', value: 'N', help: 'seed of the initial states/weights and the example orders (default 22)' },
    { name: 'stream', value: 'iid|association', choices: ['iid', 'association'], help: "iid: seeded shuffled epochs (default); association: the paper's Fig. 9 episodes, one image of every class shown twice, with the accuracy on first and second showings" },
    { name: 'order', value: ASSOCIATION_ORDERS.join('|'), choices: ASSOCIATION_ORDERS, help: 'with --stream association: apart (default: a repeat never directly follows its first showing) or adjacent (back to back)' },
    { name: 'fresh', value: '', boolean: true, help: 'with --stream association: every episode starts from fresh learners (VSML initial state, baseline initial weights)' },
    { name: 'backend', value: BACKENDS.join('|'), choices: BACKENDS, help: `${backendHelp('engine for a VSML learner')}; the baselines always run on the CPU` },
    { name: 'init', value: BASELINE_INITS.join('|'), choices: BASELINE_INITS, help: "baselines: initial weights per run from (seed, run), or 'shared' by every run as the official PRNGKey(22) (default per-run)" },
    { name: 'out', value: 'R.json', required: true, help: 'vsml-evaluation file to write (atomically)' },
    MAX_MEMORY_FLAG,
  ],
  run,
};
