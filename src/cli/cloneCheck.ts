// `vsml clone-check`: a learner cloned from backprop (meta-train method clone-backprop) beside the
// backprop it cloned (paper Fig. 5): R runs of the VSML learner on an engine, and R runs of online
// backprop (src/model/clone/backpropRule.ts: BackpropTeachers, learning rate --eta, weight scale
// --kappa, as the clone config said) whose run r starts from the w and b that VSML run r's initial
// state holds (c[0], c[1] times kappa), on the same streams (seed 22 by default). Prints both rows
// and writes two vsml-evaluation files, PREFIX.vsml.json and PREFIX.backprop.json.
import { createRunStreams } from '../data/stream';
import { buildTask } from '../data/task';
import { openDatasetNode } from '../data/node/open';
import { evaluate } from '../meta/evaluate';
import { vsmlLearner } from '../meta/learners';
import { BackpropTeachers } from '../model/clone/backpropRule';
import { layerSizes } from '../model/config';
import type { BackendName, VsmlEngine } from '../model/engine';
import { serialiseEvaluation, type Evaluation } from '../model/formats/evaluation';
import { parseLearner } from '../model/formats/learner';
import { initRunStates } from '../model/init';
import { errorLine, formatFieldError } from '../model/result';
import { Rng } from '../model/rng';
import { intFlag, type FlagValues } from './args';
import { badInput, runtimeFailure, success, type Command, type CommandIo, type Outcome } from './command';
import { DATA_FLAGS, parseDataFlags } from './dataFlags';
import { BACKENDS, backendHelp, createEngine } from './engineFactory';
import { formatTable } from './evaluationTable';
import { readJsonFile, writeFileAtomic } from './io';

const NAME = 'vsml clone-check';

/** A positive finite number flag. */
function positiveFlag(flags: FlagValues, name: string): { ok: true; value: number } | { ok: false; line: string } {
  const text = flags.get(name) as string;
  const v = Number(text);
  return Number.isFinite(v) && v > 0
    ? { ok: true, value: v }
    : { ok: false, line: `${NAME}: --${name}: must be a number > 0, got ${JSON.stringify(text)}` };
}

async function run(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  const steps = intFlag(flags, 'steps', 2000, 1, 1_000_000);
  if (!steps.ok) return badInput(`${NAME}: ${steps.error.message}`);
  const runs = intFlag(flags, 'runs', 32, 1, 4096);
  if (!runs.ok) return badInput(`${NAME}: ${runs.error.message}`);
  const seed = intFlag(flags, 'seed', 22, 0, 0xffffffff);
  if (!seed.ok) return badInput(`${NAME}: ${seed.error.message}`);
  const eta = positiveFlag(flags, 'eta');
  if (!eta.ok) return badInput(eta.line);
  const kappa = positiveFlag(flags, 'kappa');
  if (!kappa.ok) return badInput(kappa.line);
  const backend = (flags.get('backend') ?? 'cpu') as BackendName;
  const path = flags.get('learner') as string;
  const raw = await readJsonFile(path);
  const parsed = raw.ok ? parseLearner(raw.value) : raw;
  if (!parsed.ok) return badInput(`${path}: ${formatFieldError(parsed.error)}`);
  const learner = parsed.value;
  if (!learner.config.backwardPass)
    return badInput(
      `${path}: config.backwardPass: a learner cloned from backprop runs a reverse tick after every example: must be true`,
    );
  const data = parseDataFlags(flags, seed.value);
  if (!data.ok) return badInput(`${NAME}: ${formatFieldError(data.error)}`);
  const source = await openDatasetNode(data.value.info, data.value.open);
  if (!source.ok) return badInput(formatFieldError(source.error));
  const task = buildTask(source.value, data.value.task);
  if (!task.ok) return badInput(`${NAME}: --transform: ${formatFieldError(task.error)}`);
  const { inputSize: A, numClasses: K } = task.value;
  const streams = createRunStreams(task.value, { seed: seed.value, runs: runs.value });
  if (!streams.ok) return badInput(`${NAME}: ${formatFieldError(streams.error)}`);

  const spec = { config: learner.config, inputSize: A, numClasses: K, runs: runs.value };
  const labels = {
    dataset: data.value.info.name,
    split: data.value.split,
    ...(data.value.transform ? { transform: data.value.transform } : {}),
    seed: seed.value,
  };
  let engine: VsmlEngine | null = null;
  const started = performance.now();
  let vsml: Evaluation;
  try {
    engine = await createEngine(backend, spec);
    vsml = (
      await evaluate(
        vsmlLearner(engine, learner, seed.value),
        streams.value,
        { steps: steps.value },
        { ...labels, learner: path, backend },
      )
    ).evaluation;
  } catch (e) {
    return runtimeFailure(`${NAME}: ${backend} evaluation failed: ${errorLine(e)}`);
  } finally {
    engine?.dispose();
  }
  const vsmlSeconds = (performance.now() - started) / 1000;
  const sizes = layerSizes(learner.config, A, K);
  const teachers = new BackpropTeachers(
    { learningRate: eta.value, weightScale: kappa.value },
    spec,
    sizes,
    learner.config.stateSize,
  );
  const shapes = sizes.slice(0, -1).map((a, l) => ({ A: a, B: sizes[l + 1] }));
  teachers.reset(initRunStates(learner.config, shapes, new Rng(seed.value), runs.value));
  const again = createRunStreams(task.value, { seed: seed.value, runs: runs.value });
  if (!again.ok) return badInput(`${NAME}: ${formatFieldError(again.error)}`);
  const backprop = (
    await evaluate(
      teachers,
      again.value,
      { steps: steps.value },
      { ...labels, learner: `backprop (eta ${eta.value}, kappa ${kappa.value})`, backend: 'cpu' },
    )
  ).evaluation;
  const prefix = flags.get('out') as string;
  try {
    await writeFileAtomic(`${prefix}.vsml.json`, serialiseEvaluation(vsml));
    await writeFileAtomic(`${prefix}.backprop.json`, serialiseEvaluation(backprop));
  } catch (e) {
    return runtimeFailure(`${NAME}: cannot write ${prefix}.*.json: ${errorLine(e)}`);
  }
  formatTable([vsml, backprop]).forEach((l) => io.info(l));
  io.info(
    `clone-check: ${runs.value} runs x ${steps.value} steps of ${task.value.name} (A=${A}, K=${K}); VSML on ${backend} in ${vsmlSeconds.toFixed(1)} s -> ${prefix}.vsml.json, ${prefix}.backprop.json`,
  );
  return success;
}

export const cloneCheckCommand: Command = {
  name: 'clone-check',
  summary:
    'a learner cloned from backprop beside the backprop it cloned (paper Fig. 5), on the same streams and initial weights',
  flags: [
    {
      name: 'learner',
      value: 'L.json',
      required: true,
      help: 'a vsml-learner file meta-trained with method clone-backprop (config.backwardPass true)',
    },
    {
      name: 'eta',
      value: 'ETA',
      required: true,
      help: "the cloned backprop's learning rate (the run's cloneLearningRate)",
    },
    { name: 'kappa', value: 'K', required: true, help: "the weight scale of the state (the run's cloneWeightScale)" },
    ...DATA_FLAGS,
    { name: 'steps', value: 'T', help: 'predictions per run (default 2000)' },
    { name: 'runs', value: 'R', help: 'independent runs (default 32)' },
    { name: 'seed', value: 'N', help: 'seed of the initial states and the example orders (default 22)' },
    { name: 'backend', value: BACKENDS.join('|'), choices: BACKENDS, help: backendHelp('engine for the VSML learner') },
    {
      name: 'out',
      value: 'PREFIX',
      required: true,
      help: 'writes PREFIX.vsml.json and PREFIX.backprop.json (vsml-evaluation files)',
    },
  ],
  run,
};
