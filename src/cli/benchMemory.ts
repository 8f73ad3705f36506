// `npm run bench -- --memory`: the long-run memory benchmark (not a timed test). The studio session
// plays `--examples` examples and the trainer runs `--steps` steps through their real worker APIs
// (benchMemorySession.ts, benchMemoryTrainer.ts), on each backend asked for; JS heap, array buffers
// and RSS are read after a forced GC every `--every` examples / `--step-every` steps. Prints one table
// per run with the least-squares slope after the first `--warmup` samples, and writes a JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { metaConfigToJson, presetConfig } from '../meta/metaConfigParse';
import { BASELINE_NAMES } from '../model/baselines/kinds';
import type { BackendName } from '../model/engine';
import type { SessionSettings } from '../worker/session/sessionApi';
import { benchSessionMemory } from './benchMemorySession';
import { benchTrainerMemory } from './benchMemoryTrainer';
import { MEMORY_USAGE, parseMemoryOptions, type MemoryOptions } from './memoryOptions';
import { formatMemoryTable, memoryTrend, type MemorySample, type MemoryTrend } from './memoryTrend';
import { errorMessage } from '../model/result';

interface MemoryRun {
  readonly kind: 'session' | 'trainer';
  readonly backend: string;
  readonly description: string;
  readonly setup: string;
  readonly unit: 'examples' | 'steps';
  readonly samples: MemorySample[];
  readonly trend: MemoryTrend;
  readonly seconds: number;
}

const REPO = new URL('../../', import.meta.url);

const progress =
  (label: string) =>
  (s: MemorySample): void => {
    console.error(
      `${label}: at ${s.at}: heap ${(s.heapUsed / 2 ** 20).toFixed(2)} MiB, buffers ${(s.arrayBuffers / 2 ** 20).toFixed(2)} MiB, RSS ${(s.rss / 2 ** 20).toFixed(1)} MiB`,
    );
  };

async function sessionRun(o: MemoryOptions, backend: BackendName): Promise<MemoryRun> {
  const settings: SessionSettings = {
    dataset: 'mnist',
    split: 'test',
    resize: o.resize,
    runs: o.runs,
    seed: 22,
    baselines: BASELINE_NAMES,
    classes: null,
    shuffle: false,
    project: false,
    stream: 'iid',
  };
  const learnerDoc: unknown = JSON.parse(
    readFileSync(new URL('public/learners/vsml-mnist.learner.json', REPO), 'utf8'),
  );
  const t0 = performance.now();
  const r = await benchSessionMemory({
    backend,
    settings,
    learnerDoc,
    examples: o.examples,
    every: o.every,
    onSample: progress(`session ${backend}`),
  });
  const setup = `studio session: vsml-mnist learner, built-in MNIST test ${o.resize}x${o.resize}, S = ${o.runs}, baselines ${BASELINE_NAMES.join(', ')}, heatmap on, played at full speed, ${r.frames} frames pulled`;
  const description =
    backend === 'webgpu' && r.info.fallback ? `${r.info.description} (${r.info.fallback})` : r.info.description;
  return {
    kind: 'session',
    backend: r.info.backend,
    description,
    setup,
    unit: 'examples',
    samples: r.samples,
    trend: memoryTrend(r.samples, o.warmup, 1000),
    seconds: (performance.now() - t0) / 1000,
  };
}

async function trainerRun(o: MemoryOptions, backend: BackendName): Promise<MemoryRun> {
  const quick = metaConfigToJson(presetConfig('quick-demo'));
  const configDoc = { ...quick, steps: o.steps };
  const init = String(quick.init);
  const files = [{ name: init, bytes: new Uint8Array(readFileSync(new URL(init, REPO))) }];
  const t0 = performance.now();
  const r = await benchTrainerMemory({
    backend,
    configDoc,
    files,
    every: o.stepEvery,
    onSample: progress(`trainer ${backend}`),
  });
  const setup = `trainer: quick-demo preset (16 pairs x T = 30, 7x7 MNIST classes 0-2, evaluation every 20 steps) for ${o.steps} steps, paused and autosaved at every sample`;
  const description =
    backend === 'webgpu' && r.info.fallback ? `${r.info.description} (${r.info.fallback})` : r.info.description;
  return {
    kind: 'trainer',
    backend: r.info.backend,
    description,
    setup,
    unit: 'steps',
    samples: r.samples,
    trend: memoryTrend(r.samples, o.warmup, 100),
    seconds: (performance.now() - t0) / 1000,
  };
}

const machine = () => ({
  cpus: cpus().length,
  totalMemoryBytes: totalmem(),
  loadAverage: loadavg(),
  node: process.version,
});

type Machine = ReturnType<typeof machine>;

function printRun(r: Omit<MemoryRun, 'trend'>, trend: MemoryTrend): void {
  const title = `${r.setup}\non ${r.description}; ${r.seconds.toFixed(0)} s`;
  console.log(`\n${formatMemoryTable(title, r.unit, r.samples, trend)}`);
}

function printLoad(before: Machine, after: Machine): void {
  const load = (m: Machine) => m.loadAverage.map((x) => x.toFixed(2)).join(', ');
  console.log(`\nload average (1, 5, 15 min) before ${load(before)}, after ${load(after)} on ${before.cpus} CPUs`);
}

/** --report: the tables of a file written by --json, fitted again after `warmup` samples. */
function reportFile(path: string, warmup: number): number {
  let doc: { format?: unknown; runs?: unknown; machine?: { before: Machine; after: Machine } };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`${path}: ${errorMessage(e)}`);
    return 2;
  }
  if (doc?.format !== 'vsml-bench-memory' || !Array.isArray(doc.runs)) {
    console.error(`${path}: format: not a vsml-bench-memory file (written by npm run bench -- --memory --json FILE)`);
    return 2;
  }
  for (const r of doc.runs as MemoryRun[])
    printRun(r, memoryTrend(r.samples, warmup, r.unit === 'examples' ? 1000 : 100));
  if (doc.machine) printLoad(doc.machine.before, doc.machine.after);
  return 0;
}

/** Runs the benchmark for `argv` (without --memory); returns the exit code. */
export async function runMemoryBench(argv: readonly string[]): Promise<number> {
  const parsed = parseMemoryOptions(argv);
  if (!parsed.ok) {
    console.error(`bench --memory: ${parsed.message} (usage: ${MEMORY_USAGE})`);
    return 2;
  }
  const o = parsed.value;
  if (o.report) return reportFile(o.report, o.warmup);
  const before = machine();
  const runs: MemoryRun[] = [];
  for (const backend of o.backends) {
    if (o.only !== 'trainer') runs.push(await sessionRun(o, backend));
    if (o.only !== 'session') runs.push(await trainerRun(o, backend));
  }
  const after = machine();
  for (const r of runs) printRun(r, r.trend);
  printLoad(before, after);
  if (o.json) {
    const doc = { format: 'vsml-bench-memory', version: 1, options: o, machine: { before, after }, runs };
    writeFileSync(o.json, `${JSON.stringify(doc, null, 2)}\n`);
  }
  return 0;
}
