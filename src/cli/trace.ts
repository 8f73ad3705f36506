// `vsml trace`: run a learner over a stream and write what it output on every example.
//
// The initial state comes from --state, or else is drawn exactly as
//   initRunState(config, shapes, new Rng(seed))   with seed = --seed (default 0)
// where shapes are the layer grids of [A, ...hiddenSizes, K] (A and K from the stream): h = 0 and
// c drawn from the seed's own stream. (Not initRunStates, which forks one sub-stream per run of
// S; a trace is a single run, so `--seed 7` here equals initRunState(cfg, shapes, new Rng(7)).)
import { parseLearner, type Learner } from '../model/formats/learner';
import { parseState } from '../model/formats/state';
import { serialiseTrace, type Trace } from '../model/formats/trace';
import { errorLine, formatFieldError, type Result } from '../model/result';
import { specShapes, type BackendName, type EngineSpec, type VsmlEngine } from '../model/engine';
import type { Explanation } from '../model/explainTypes';
import { serialiseExplanation } from '../model/formats/explanation';
import { explainMemory, explainOnEngine, explainRequest } from './traceExplain';
import { formatTraceWindows, traceWindows } from './traceSummary';
import { initRunState } from '../model/init';
import { Rng } from '../model/rng';
import type { RunState } from '../model/state';
import { parseStream, type Stream } from '../data/streamFile';
import { engineItems, estimateOf, F32, productItem, type MemoryEstimate } from '../model/resources';
import { intFlag, type FlagValues } from './args';
import { badInput, runtimeFailure, success, type Command, type CommandIo, type Outcome } from './command';
import { BACKENDS, backendHelp, createEngine } from './engineFactory';
import { readJsonFile, writeFileAtomic } from './io';
import { MAX_MEMORY_FLAG, memoryLimitOf, refuseOverLimit } from './memoryFlag';

/** Examples per engine call: bounds the memory of one block's inputs and outputs. */
export const TRACE_CHUNK = 256;

/** One run of the learner's config on the stream's grid: A and K come from the stream. */
export const traceSpec = (learner: Learner, stream: Stream): EngineSpec => ({
  config: learner.config,
  inputSize: stream.inputSize,
  numClasses: stream.numClasses,
  runs: 1,
});

/** Something to do on the engine just before example `step` (the outputs so far in `outputs`): `--explain`. */
export interface BeforeStep {
  readonly step: number;
  call(engine: VsmlEngine, outputs: Float32Array): Promise<void>;
}

/**
 * Run `learner` from `state` over the whole stream, in chunks of at most TRACE_CHUNK examples (split at `before.step`).
 */
export async function computeTrace(
  learner: Learner,
  stream: Stream,
  state: RunState,
  backend: BackendName,
  before?: BeforeStep,
): Promise<Trace> {
  const engine = await createEngine(backend, traceSpec(learner, stream));
  try {
    engine.setParams([learner.params]);
    engine.setState([state]);
    const { steps: T, inputSize: A, numClasses: K } = stream;
    const outputs = new Float32Array(T * K);
    const loss = new Float32Array(T);
    const correct = new Uint8Array(T);
    for (let t0 = 0, t1 = 0; t0 < T; t0 = t1) {
      if (before && before.step === t0) await before.call(engine, outputs);
      t1 = Math.min(T, t0 + TRACE_CHUNK);
      if (before && t0 < before.step && before.step < t1) t1 = before.step;
      const r = await engine.run(
        { inputs: stream.inputs.subarray(t0 * A, t1 * A), labels: stream.labels.subarray(t0, t1), steps: t1 - t0 },
        { outputs: true },
      );
      if (!r.outputs) throw new Error('engine returned no outputs');
      outputs.set(r.outputs, t0 * K);
      loss.set(r.loss, t0);
      correct.set(r.correct, t0);
    }
    return { steps: T, numClasses: K, outputs, loss, correct };
  } finally {
    engine.dispose();
  }
}

/** The initial state when no state file is given (see the header). */
export function seededState(learner: Learner, stream: Stream, seed: number): RunState {
  return initRunState(learner.config, specShapes(traceSpec(learner, stream)), new Rng(seed));
}

/**
 * Bytes per output value while the trace file is written: its JSON arrays and text (measured 16.8 + 12.3:
 * docs/ARCHITECTURE.md, Memory).
 */
export const TRACE_TEXT_BYTES_PER_VALUE = 32;

/**
 * What a trace needs besides the learner: the stream as read, the state (the initial one and the
 * engine's copy), the outputs [T][K] with loss and correctness, and the file's text. The stream file
 * is named for A, K and T; the learner file for its hidden layers.
 */
export function traceMemory(
  learner: Learner,
  stream: Stream,
  files: { learner: string; stream: string },
): MemoryEstimate {
  const { steps: T, inputSize: A, numClasses: K } = stream;
  const hidden = learner.config.hiddenSizes.length > 0;
  const gridField = hidden
    ? `${files.learner} config.hiddenSizes and ${files.stream} inputs[0] and numClasses`
    : `${files.stream} inputs[0] and numClasses`;
  return estimateOf([
    productItem(
      `${files.stream} inputs`,
      'the stream as read',
      [
        [T, 'examples'],
        [A, 'inputs'],
        [F32, 'bytes'],
      ],
      T * A,
    ),
    ...engineItems(gridField, { ...traceSpec(learner, stream) }, 2),
    productItem(
      `${files.stream} inputs and numClasses`,
      "the trace's outputs",
      [
        [T, 'examples'],
        [K, 'classes'],
        [F32, 'bytes'],
      ],
      T * K,
    ),
    productItem(`${files.stream} inputs and numClasses`, "the trace file's arrays and text", [
      [T, 'examples'],
      [K, 'classes'],
      [TRACE_TEXT_BYTES_PER_VALUE, 'bytes'],
    ]),
  ]);
}

/** An input file's value, or the one line that says what is wrong with it ("<path>: <field>: <reason>"). */
type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly line: string };

async function load<T>(path: string, parse: (raw: unknown) => Result<T>): Promise<Loaded<T>> {
  const raw = await readJsonFile(path);
  const r = raw.ok ? parse(raw.value) : raw;
  return r.ok ? r : { ok: false, line: `${path}: ${formatFieldError(r.error)}` };
}

async function run(flags: FlagValues, io: CommandIo): Promise<Outcome> {
  if (flags.has('seed') && flags.has('state'))
    return badInput('vsml trace: give --state or --seed, not both (--seed only draws the initial state)');
  const seed = intFlag(flags, 'seed', 0, 0, 0xffffffff);
  if (!seed.ok) return badInput(`vsml trace: ${seed.error.message}`);
  // --explain reads the engine's state before example T and runs the reference's own tickLayer from it:
  // the reference all the way by default, so the file and the trace agree bit for bit.
  const backend = (flags.get('backend') ?? (flags.has('explain') ? 'reference' : 'cpu')) as BackendName;
  const out = flags.get('out') as string;

  const limit = memoryLimitOf(flags);
  if (!limit.ok) return badInput(`vsml trace: ${formatFieldError(limit.error)}`);

  const learnerPath = flags.get('learner') as string;
  const streamPath = flags.get('stream') as string;
  const learner = await load(learnerPath, parseLearner);
  if (!learner.ok) return badInput(learner.line);
  const stream = await load(streamPath, parseStream);
  if (!stream.ok) return badInput(stream.line);
  const shapes = specShapes(traceSpec(learner.value, stream.value));
  const explain = explainRequest(flags, stream.value.steps, shapes);
  if (!explain.ok) return badInput(explain.line);
  const want = explain.value;
  const windows = flags.has('windows') ? intFlag(flags, 'windows', 1, 1, stream.value.steps) : null;
  if (windows && !windows.ok)
    return badInput(`vsml trace: ${windows.error.message} (the stream has ${stream.value.steps} examples)`);
  const memory = traceMemory(learner.value, stream.value, { learner: learnerPath, stream: streamPath });
  const withExplain = want ? estimateOf([...memory.items, explainMemory(learner.value, shapes, want.cell)]) : memory;
  const tooBig = refuseOverLimit('vsml trace', withExplain, limit.value);
  if (tooBig) return badInput(tooBig);
  let state: RunState;
  const statePath = flags.get('state');
  if (statePath !== undefined) {
    const shape = {
      shapes: specShapes(traceSpec(learner.value, stream.value)),
      stateSize: learner.value.config.stateSize,
    };
    const r = await load(statePath, (raw) => parseState(raw, shape));
    if (!r.ok) return badInput(r.line);
    state = r.value;
  } else {
    state = seededState(learner.value, stream.value, seed.value);
  }

  let trace: Trace;
  let explanation: Explanation | null = null;
  const before = want
    ? {
        step: want.step,
        call: async (engine: VsmlEngine, outputs: Float32Array) =>
          void (explanation = await explainOnEngine(engine, learner.value, stream.value, outputs, want.step)),
      }
    : undefined;
  try {
    trace = await computeTrace(learner.value, stream.value, state, backend, before);
  } catch (e) {
    return runtimeFailure(`vsml trace: ${backend} backend failed: ${errorLine(e)}`);
  }
  try {
    await writeFileAtomic(out, serialiseTrace(trace));
  } catch (e) {
    return runtimeFailure(`vsml trace: cannot write ${out}: ${errorLine(e)}`);
  }
  if (want && explanation) {
    try {
      await writeFileAtomic(want.out, serialiseExplanation(explanation, want.cell));
    } catch (e) {
      return runtimeFailure(`vsml trace: cannot write ${want.out}: ${errorLine(e)}`);
    }
    io.info(
      `explain: example ${want.step}, y within ${outputsDiff(explanation, trace, want.step)} of the trace's -> ${want.out}`,
    );
  }
  const acc = trace.correct.reduce((s, c) => s + c, 0) / trace.steps;
  const meanLoss = trace.loss.reduce((s, l) => s + l, 0) / trace.steps;
  io.info(
    `trace: ${trace.steps} examples on ${backend}, accuracy ${acc.toFixed(4)}, mean loss ${meanLoss.toFixed(4)} -> ${out}`,
  );
  if (windows) formatTraceWindows(traceWindows(trace, stream.value.labels, windows.value)).forEach((l) => io.info(l));
  return success;
}

/** The largest |difference| between the explanation's y and the trace's outputs of the same example (0 on the CPU). */
function outputsDiff(e: Explanation, trace: Trace, step: number): number {
  let worst = 0;
  for (let k = 0; k < trace.numClasses; k++)
    worst = Math.max(worst, Math.abs(e.y[k] - trace.outputs[step * trace.numClasses + k]));
  return worst;
}

export const traceCommand: Command = {
  name: 'trace',
  summary: 'run a learner over a stream; write outputs, loss and correctness per example',
  flags: [
    { name: 'learner', value: 'L.json', required: true, help: 'vsml-learner file: config and V_M' },
    { name: 'stream', value: 'S.json', required: true, help: 'vsml-stream file: inputs and labels' },
    { name: 'state', value: 'X.json', help: 'vsml-state file: the initial h and c (default: drawn from --seed)' },
    { name: 'seed', value: 'N', help: 'seed of the initial state when no --state is given (default 0)' },
    {
      name: 'backend',
      value: BACKENDS.join('|'),
      choices: BACKENDS,
      help: `${backendHelp('engine')}; with --explain the default is reference`,
    },
    { name: 'out', value: 'T.json', required: true, help: 'vsml-trace file to write (atomically)' },
    {
      name: 'explain',
      value: 'T',
      help: 'explain example T (0-based): every stage of it, as the studio shows it (needs --explain-out)',
    },
    { name: 'explain-out', value: 'E.json', help: 'vsml-explanation file to write (atomically)' },
    {
      name: 'cell',
      value: 'L,A,B',
      help: 'keep only cell (A, B) of layer L in the explanation file (default: every cell)',
    },
    {
      name: 'windows',
      value: 'N',
      help: 'also print, per window of N examples: accuracy, mean probability of the label, mean largest probability, cumulative accuracy',
    },
    MAX_MEMORY_FLAG,
  ],
  run,
};
