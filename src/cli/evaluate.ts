// `vsml evaluate`: the paper's online evaluation of a learner (a VSML learner file, a learned
// learner file without variable sharing: Meta RNN, Hebbian, FWMemory, or one of the SGD/Adam
// baselines; evaluateLearner.ts tells the files apart by their format) on a dataset: R runs of T
// predictions, each made before its label; writes a vsml-evaluation file and prints a short table.
// Protocol and choices: docs/EVALUATION.md. A learned learner runs on the CPU (--backend is for VSML
// learners), zero-padded to its inputs as the official pad.yaml; a dataset wider than it is refused.
//
// Seeds: one --seed (default 22). Run r's initial state (VSML) or weights (baselines) come from
// new Rng(seed).fork(r) (a learned learner starts every run from zeros); run r's example order
// from src/data's runOrderSeed(seed, r) (with --stream association: the episodes of
// src/data/associationStream.ts from (seed, r), as the studio draws them); the task seed
// (projection, shuffle, Random's examples) from --transform's project:/shuffle: seed, else --seed.
//
// --stream association [--order apart|adjacent] [--fresh]: the paper's Fig. 9 stream (one image of
// every class per episode, each shown twice); the file and the table add the accuracy on first and on
// second showings (mean and sample std over runs); --fresh starts every episode from fresh learners.
//
// Memory: the request is estimated (evaluateMemory.ts) once the data set is open and before the
// task, the streams or the learner are made, and refused over --max-memory (default a quarter of
// this machine's memory); the protocol keeps a [T] curve, not every run's [R][T] correctness.
//
// Table mode (evaluateTableMode.ts): --learner and --dataset take comma-separated lists and
// --transforms a `;`-separated list of transform lists; with more than one cell, or with --at, the
// command runs every learner x dataset x transform and writes one vsml-evaluation-table file. One
// cell without --at is the single-cell command: the same vsml-evaluation file and output as ever.
import { ASSOCIATION_ORDERS, type AssociationOrder } from '../data/associationStream';
import { serialiseStream } from '../data/streamFile';
import { BASELINE_NAMES, isBaselineName } from '../model/baselines/kinds';
import { BASELINE_INITS, type BaselineInit } from '../model/baselines/online';
import type { BackendName } from '../model/engine';
import { serialiseEvaluation } from '../model/formats/evaluation';
import { errorLine, type FieldError, formatFieldError } from '../model/result';
import { intFlag, type FlagValues } from './args';
import { badInput, runtimeFailure, success, type Command, type CommandIo, type Outcome } from './command';
import { DATA_FLAGS, parseDataFlags } from './dataFlags';
import { BACKENDS, backendHelp } from './engineFactory';
import { dataLine, MAX_BASELINE_BYTES, NAME, prepareCell, runCell, type CellOptions } from './evaluateCell';
import { loadLearner } from './evaluateLearner';
import { cellFlags, DATA_DIR_FILES, NO_TRANSFORM, parseAt, parseTransforms, splitList } from './evaluateLists';
import { MAX_STREAM_OUT_VALUES } from './evaluateStreamOut';
import { runTable } from './evaluateTableMode';
import { formatShowings, formatTable } from './evaluationTable';
import { writeFileAtomic } from './io';
import { MAX_MEMORY_FLAG, memoryLimitOf } from './memoryFlag';

export const MAX_STEPS = 10_000_000;
export const MAX_RUNS = 4096;
export { MAX_BASELINE_BYTES };

const usageLine = (e: FieldError): string => `${NAME}: ${formatFieldError(e)}`;

async function run(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  const steps = intFlag(flags, 'steps', 2000, 1, MAX_STEPS);
  if (!steps.ok) return badInput(`${NAME}: ${steps.error.message}`);
  const runs = intFlag(flags, 'runs', 32, 1, MAX_RUNS);
  if (!runs.ok) return badInput(`${NAME}: ${runs.error.message}`);
  const seed = intFlag(flags, 'seed', 22, 0, 0xffffffff);
  if (!seed.ok) return badInput(`${NAME}: ${seed.error.message}`);
  const out = flags.get('out') as string;
  const learners = splitList('learner', flags.get('learner') as string);
  if (!learners.ok) return badInput(usageLine(learners.error));
  const datasets = splitList('dataset', flags.get('dataset') as string);
  if (!datasets.ok) return badInput(usageLine(datasets.error));
  if (flags.has('transforms') && flags.has('transform'))
    return badInput(
      `${NAME}: --transforms: one row per item of --transforms, or one --transform for every row, not both`,
    );
  const transforms = flags.has('transforms')
    ? parseTransforms(flags.get('transforms') as string)
    : { ok: true as const, value: [flags.get('transform') ?? ''] };
  if (!transforms.ok) return badInput(usageLine(transforms.error));
  const at = flags.has('at') ? parseAt(flags.get('at') as string, steps.value) : { ok: true as const, value: [] };
  if (!at.ok) return badInput(usageLine(at.error));
  const table = learners.value.length * datasets.value.length * transforms.value.length > 1 || flags.has('at');

  const anyVsml = learners.value.some((l) => !isBaselineName(l));
  const anyBaseline = learners.value.some(isBaselineName);
  if (!anyVsml && flags.get('backend') === 'webgpu')
    return badInput(`${NAME}: --backend: the baselines run on the CPU; webgpu is for VSML learner files`);
  if (!anyBaseline && flags.has('init'))
    return badInput(
      `${NAME}: --init: only for the baselines (${BASELINE_NAMES.join(', ')}); a VSML run's initial state is drawn from --seed`,
    );
  const association = flags.get('stream') === 'association';
  for (const f of ['order', 'fresh']) {
    if (!association && flags.has(f)) return badInput(`${NAME}: --${f}: only for --stream association`);
  }
  const limit = memoryLimitOf(flags);
  if (!limit.ok) return badInput(`${NAME}: ${formatFieldError(limit.error)}`);
  const opts: CellOptions = {
    steps: steps.value,
    runs: runs.value,
    seed: seed.value,
    backend: (flags.get('backend') ?? 'cpu') as BackendName,
    init: (flags.get('init') ?? 'per-run') as BaselineInit,
    association: association
      ? { order: (flags.get('order') ?? 'apart') as AssociationOrder, fresh: flags.has('fresh') }
      : null,
    limit: limit.value,
    at: at.value,
    recordRun0: flags.has('stream-out'),
  };
  if (table && flags.has('stream-out'))
    return badInput(`${NAME}: --stream-out: writes run 0 of one learner on one dataset; not for a table`);
  if (table)
    return runTable(
      flags,
      { learners: learners.value, datasets: datasets.value, transforms: transforms.value, out },
      opts,
      io,
    );

  // One cell: the single-cell command, its checks in their order (data flags, learner file, data set).
  const cf = cellFlags(flags, datasets.value[0], transforms.value[0]);
  if (!cf.ok) return badInput(usageLine(cf.error));
  const single = cf.value;
  const data = parseDataFlags(single, seed.value);
  if (!data.ok) return badInput(dataLine(data.error));
  const learner = await loadLearner(learners.value[0]);
  if (!learner.ok) return badInput(learner.line);
  const cell = await prepareCell(learners.value[0], learner.value, single, opts, new Map());
  if (!cell.ok) return badInput(cell.line);
  const streamOut = flags.get('stream-out');
  const values = steps.value * cell.value.size.inputSize;
  if (streamOut !== undefined && values > MAX_STREAM_OUT_VALUES) {
    return badInput(
      `${NAME}: --stream-out: ${steps.value} steps x ${cell.value.size.inputSize} inputs = ${values} numbers, over the ${MAX_STREAM_OUT_VALUES} a stream file may hold; lower --steps`,
    );
  }
  const r = await runCell(cell.value, opts);
  if (!r.ok) return r.runtime ? runtimeFailure(r.line) : badInput(r.line);
  const { evaluation, seconds, taskName, inputSize: A, numClasses: K } = r.value;
  try {
    await writeFileAtomic(out, serialiseEvaluation(evaluation));
  } catch (e) {
    return runtimeFailure(`${NAME}: cannot write ${out}: ${errorLine(e)}`);
  }
  if (streamOut !== undefined && r.value.stream) {
    try {
      await writeFileAtomic(streamOut, serialiseStream(r.value.stream));
    } catch (e) {
      return runtimeFailure(`${NAME}: cannot write ${streamOut}: ${errorLine(e)}`);
    }
  }
  formatTable([evaluation]).forEach((l) => io.info(l));
  if (evaluation.association) formatShowings(evaluation).forEach((l) => io.info(l));
  io.info(
    `evaluate: ${runs.value} runs x ${steps.value} steps of ${taskName} (A=${A}, K=${K}) in ${seconds.toFixed(1)} s -> ${out}`,
  );
  if (streamOut !== undefined) io.info(`evaluate: run 0's ${steps.value} examples -> ${streamOut}`);
  return success;
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'online evaluation: R runs of T predictions, each before its label; cumulative accuracy with std over runs',
  flags: [
    {
      name: 'learner',
      value: `L.json|${BASELINE_NAMES.join('|')}[,...]`,
      required: true,
      help: 'a learner file (vsml-learner; or a learned learner without variable sharing: vsml-meta-rnn, vsml-hebbian, vsml-fw-memory, zero-padded to its inputs), or a baseline (online SGD/Adam, shallow or 160-tanh deep); a comma-separated list for a table',
    },
    ...DATA_FLAGS.map((f) =>
      f.name === 'dataset' ? { ...f, value: 'NAME[,...]', help: `${f.help}; a comma-separated list for a table` } : f,
    ),
    {
      name: 'transforms',
      value: 'T1;T2;...',
      help: `table rows: one per item, ';'-separated, each a --transform list or ${NO_TRANSFORM}`,
    },
    {
      name: 'at',
      value: 'S1,S2,...',
      help: 'table mode: also the cumulative accuracy at these steps (increasing, at most --steps)',
    },
    {
      name: 'data-dir',
      value: 'DIR',
      help: `table mode: the files of ${Object.keys(DATA_DIR_FILES).join(', ')} from DIR, laid out as ../shared/data`,
    },
    { name: 'steps', value: 'T', help: `predictions per run (default 2000, at most ${MAX_STEPS})` },
    { name: 'runs', value: 'R', help: `independent runs (default 32, at most ${MAX_RUNS})` },
    { name: 'seed', value: 'N', help: 'seed of the initial states/weights and the example orders (default 22)' },
    {
      name: 'stream',
      value: 'iid|association',
      choices: ['iid', 'association'],
      help: "iid: seeded shuffled epochs (default); association: the paper's Fig. 9 episodes, one image of every class shown twice, with the accuracy on first and second showings",
    },
    {
      name: 'order',
      value: ASSOCIATION_ORDERS.join('|'),
      choices: ASSOCIATION_ORDERS,
      help: 'with --stream association: apart (default: a repeat never directly follows its first showing) or adjacent (back to back)',
    },
    {
      name: 'fresh',
      value: '',
      boolean: true,
      help: 'with --stream association: every episode starts from fresh learners (VSML initial state, baseline initial weights)',
    },
    {
      name: 'backend',
      value: BACKENDS.join('|'),
      choices: BACKENDS,
      help: `${backendHelp('engine for a VSML learner')}; only VSML learners: the baselines and the learned learners (Meta RNN, Hebbian, FWMemory) always run on the CPU`,
    },
    {
      name: 'init',
      value: BASELINE_INITS.join('|'),
      choices: BASELINE_INITS,
      help: "baselines: initial weights per run from (seed, run), or 'shared' by every run as the official PRNGKey(22) (default per-run)",
    },
    {
      name: 'out',
      value: 'R.json',
      required: true,
      help: 'vsml-evaluation file to write (atomically); a vsml-evaluation-table file in table mode',
    },
    {
      name: 'stream-out',
      value: 'S.json',
      help: "one cell: also write run 0's examples (as seen, in order) as a vsml-stream file, for vsml trace",
    },
    MAX_MEMORY_FLAG,
  ],
  run,
};
