// `vsml table`: the paper's Fig. 8 as one command. Every learner of --learners on every dataset of
// --datasets by `vsml evaluate`'s table mode (evaluateTableMode.ts: the same cells, the same checks
// before anything runs, the same vsml-evaluation-table file), printed as learners x datasets grids of
// the cumulative online accuracy after 100 examples, at the --at steps and at the last step, each
// cell marked ✱ where the learner never saw the dataset in meta-training (tableSeen.ts says how that
// is read), and with --markdown written as GitHub markdown with a legend (tableGrid.ts). Datasets
// that need files read them from --data-dir (the layout of ../shared/data); a missing file is named.
import { BASELINE_NAMES } from '../model/baselines/kinds';
import type { BackendName } from '../model/engine';
import { errorLine, formatFieldError } from '../model/result';
import { intFlag, type FlagValues } from './args';
import { badInput, runtimeFailure, success, type Command, type CommandIo, type Outcome } from './command';
import { DATASET_CHOICES } from './dataFlags';
import { BACKENDS, backendHelp } from './engineFactory';
import { MAX_RUNS, MAX_STEPS } from './evaluate';
import type { CellOptions } from './evaluateCell';
import { DATA_DIR_FILES, parseAt, splitList } from './evaluateLists';
import { prepareTable, runPreparedTable, writeTable } from './evaluateTableMode';
import { formatGrid, formatGridMarkdown } from './tableGrid';
import { parseSeen, seenOf, type SeenRecord } from './tableSeen';
import { writeFileAtomic } from './io';
import { MAX_MEMORY_FLAG, memoryLimitOf } from './memoryFlag';

const NAME = 'vsml table';

/**
 * evaluate's lines said of this command and its flags: "vsml evaluate: --learner: X" -> "vsml table: --learners: X".
 */
export function relabel(line: string): string {
  const m = /^vsml evaluate: (--(learner|dataset): )?/.exec(line);
  if (!m) return line;
  return `${NAME}: ${m[1] ? `--${m[2]}s: ` : ''}${line.slice(m[0].length)}`;
}

const relabelled = (o: Outcome): Outcome => ('message' in o ? { ...o, message: relabel(o.message) } : o);

async function run(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  const usage = (message: string): Outcome => badInput(`${NAME}: ${message}`);
  const steps = intFlag(flags, 'steps', 2000, 1, MAX_STEPS);
  if (!steps.ok) return usage(steps.error.message);
  const runs = intFlag(flags, 'runs', 32, 1, MAX_RUNS);
  if (!runs.ok) return usage(runs.error.message);
  const seed = intFlag(flags, 'seed', 22, 0, 0xffffffff);
  if (!seed.ok) return usage(seed.error.message);
  const learners = splitList('learners', flags.get('learners') as string);
  if (!learners.ok) return usage(formatFieldError(learners.error));
  const datasets = splitList('datasets', flags.get('datasets') as string);
  if (!datasets.ok) return usage(formatFieldError(datasets.error));
  for (const [flag, list] of [
    ['learners', learners.value],
    ['datasets', datasets.value],
  ] as const) {
    const twice = list.find((x, i) => list.indexOf(x) !== i);
    if (twice !== undefined) return usage(`--${flag}: ${twice} is listed twice`);
  }
  const at = flags.has('at') ? parseAt(flags.get('at') as string, steps.value) : { ok: true as const, value: [] };
  if (!at.ok) return usage(formatFieldError(at.error));
  const given = flags.has('seen')
    ? parseSeen(flags.get('seen') as string, learners.value)
    : { ok: true as const, value: new Map<string, string[]>() };
  if (!given.ok) return usage(formatFieldError(given.error));
  const limit = memoryLimitOf(flags);
  if (!limit.ok) return usage(formatFieldError(limit.error));
  const opts: CellOptions = {
    steps: steps.value,
    runs: runs.value,
    seed: seed.value,
    backend: (flags.get('backend') ?? 'cpu') as BackendName,
    init: 'per-run',
    association: null,
    limit: limit.value,
    at: at.value,
  };
  // evaluate's flags for the cells: one --dataset at a time (cellFlags sets it), the files from --data-dir.
  const cellFlags = new Map<string, string>();
  const dir = flags.get('data-dir');
  if (dir !== undefined) cellFlags.set('data-dir', dir);
  cellFlags.set('dataset', datasets.value[0]);
  const prepared = await prepareTable(
    cellFlags,
    { learners: learners.value, datasets: datasets.value, transforms: [''], out: flags.get('out') as string },
    opts,
  );
  if (!prepared.ok) return relabelled(prepared.outcome);

  const seen: SeenRecord[] = [];
  for (const [i, text] of learners.value.entries()) {
    const r = await seenOf(text, prepared.value.learners[i], given.value);
    if (!r.ok) return usage(`--learners: ${text}: meta-training record: ${formatFieldError(r.error)}`);
    seen.push(r.value);
  }

  const ran = await runPreparedTable(prepared.value, opts, io);
  if (!ran.ok) return relabelled(ran.outcome);
  const { table, seconds } = ran.value;
  const out = flags.get('out') as string;
  const failed = await writeTable(out, table);
  if (failed) return relabelled(failed);
  const grid = { learners: learners.value, datasets: datasets.value, seen, table };
  const markdown = flags.get('markdown');
  if (markdown !== undefined) {
    try {
      await writeFileAtomic(markdown, formatGridMarkdown(grid));
    } catch (e) {
      return runtimeFailure(`${NAME}: cannot write ${markdown}: ${errorLine(e)}`);
    }
  }
  formatGrid(grid).forEach((l) => io.info(l));
  io.info(
    `table: ${learners.value.length} learners x ${datasets.value.length} datasets, ${runs.value} runs x ${steps.value} steps each, in ${seconds.toFixed(1)} s -> ${out}${markdown !== undefined ? `, ${markdown}` : ''}`,
  );
  return success;
}

export const tableCommand: Command = {
  name: 'table',
  summary:
    "the paper's Fig. 8: learners x datasets, cumulative online accuracy with std over runs, ✱ where a learner never saw the dataset in meta-training",
  flags: [
    {
      name: 'learners',
      value: `L1,L2,...`,
      required: true,
      help: `learner files (vsml-learner, vsml-meta-rnn, vsml-hebbian, vsml-fw-memory) and baselines (${BASELINE_NAMES.join(', ')}), comma-separated`,
    },
    { name: 'datasets', value: 'D1,D2,...', required: true, help: `comma-separated: ${DATASET_CHOICES.join(', ')}` },
    {
      name: 'data-dir',
      value: 'DIR',
      help: `the files of ${Object.keys(DATA_DIR_FILES).join(', ')} from DIR, laid out as ../shared/data (test split)`,
    },
    { name: 'steps', value: 'T', help: `predictions per run (default 2000, at most ${MAX_STEPS})` },
    { name: 'runs', value: 'R', help: `independent runs (default 32, at most ${MAX_RUNS})` },
    {
      name: 'at',
      value: 'S1,S2,...',
      help: 'also a grid at these steps (increasing, at most --steps); the grids at 100 and at --steps are always shown',
    },
    { name: 'seed', value: 'N', help: 'seed of the initial states/weights and the example orders (default 22)' },
    {
      name: 'seen',
      value: 'L=D1,D2;L2=...',
      help: "what a learner saw in meta-training, when no record beside its file says (checkpoint.json, config.json, its model card); 'L=' for nothing",
    },
    {
      name: 'backend',
      value: BACKENDS.join('|'),
      choices: BACKENDS,
      help: `${backendHelp('engine for a VSML learner')}; only VSML learners: the baselines and the learned learners always run on the CPU`,
    },
    {
      name: 'out',
      value: 'T.json',
      required: true,
      help: 'vsml-evaluation-table file to write (atomically), as vsml evaluate writes',
    },
    {
      name: 'markdown',
      value: 'T.md',
      help: 'also the grids as GitHub markdown with a legend (✱ = never seen in meta-training)',
    },
    MAX_MEMORY_FLAG,
  ],
  run,
};
