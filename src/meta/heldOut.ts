// Held-out evaluation during meta-training: the online protocol (protocol.ts) with the current V_M,
// R runs of T predictions per dataset, the same initial states and example orders at every
// evaluation (evaluation.seed), so successive numbers differ only through V_M.
import { createRunStreams } from '../data/stream';
import { buildTask } from '../data/task';
import type { Task } from '../data/types';
import type { MeanStd } from '../model/formats/evaluation';
import type { VmParams } from '../model/layout';
import type { VsmlConfig } from '../model/config';
import { fail, formatFieldError, ok, type Result } from '../model/result';
import type { EngineCache } from './engineCache';
import { vsmlLearner } from './learners';
import type { EvaluationConfig, HeldOutSpec } from './metaConfig';
import { runProtocolSummary, type BatchLearner } from './protocol';
import type { SourceCache } from './taskSet';

export interface HeldOutResult {
  readonly name: string;
  /** acc_r(100) over runs; null when T < 100. */
  readonly at100: MeanStd | null;
  /** acc_r(T) over runs: cumulative online accuracy. */
  readonly atEnd: MeanStd;
  /** Mean cross-entropy over all runs and steps (summed per run in step order, then over runs). */
  readonly loss: number;
  /** [T] mean over runs of the cumulative accuracy after each example (acc_r(t), t = 1..T). */
  readonly curve: Float64Array;
}

export class HeldOutSet {
  private constructor(
    readonly config: EvaluationConfig,
    private readonly tasks: readonly { spec: HeldOutSpec; task: Task }[],
  ) {}

  static async create(config: EvaluationConfig, sources: SourceCache): Promise<Result<HeldOutSet>> {
    const tasks: { spec: HeldOutSpec; task: Task }[] = [];
    for (const [i, spec] of config.datasets.entries()) {
      const seed = spec.taskSeed ?? config.seed;
      const source = await sources.open(spec.dataset, spec.split, seed);
      if (!source.ok) return source;
      const task = buildTask(source.value, {
        seed,
        resize: spec.resize,
        project: spec.project,
        ...(spec.classes ? { classes: spec.classes } : {}),
        ...(spec.dataset.normalisation !== undefined ? { normalisation: spec.dataset.normalisation } : {}),
      });
      if (!task.ok) return fail(task.error.code, `evaluation.datasets[${i}]`, formatFieldError(task.error));
      tasks.push({ spec, task: task.value });
    }
    return ok(new HeldOutSet(config, tasks));
  }

  get size(): number {
    return this.tasks.length;
  }

  /** The engine each evaluation asks for: its task's shape and R runs. */
  engineShapes(): { inputSize: number; numClasses: number; runs: number }[] {
    return this.tasks.map(({ task }) => ({
      inputSize: task.inputSize,
      numClasses: task.numClasses,
      runs: this.config.runs,
    }));
  }

  /** Every held-out dataset with V_M = params. */
  async evaluate(model: VsmlConfig, params: VmParams, engines: EngineCache): Promise<HeldOutResult[]> {
    return this.evaluateWith(async (task, runs, seed) => {
      const engine = await engines.get(task.inputSize, task.numClasses, runs);
      return vsmlLearner(engine, { config: model, params }, seed);
    });
  }

  /**
   * Every held-out dataset with the learner `learnerFor` sets up for its task's shape and R runs
   * (evaluation.seed passed along for learners with random initial states): a VSML engine, or a
   * learned learner without variable sharing (learnedTrainer.ts).
   */
  async evaluateWith(
    learnerFor: (task: Task, runs: number, seed: number) => Promise<BatchLearner>,
  ): Promise<HeldOutResult[]> {
    const { runs, steps, seed } = this.config;
    const out: HeldOutResult[] = [];
    for (const { spec, task } of this.tasks) {
      const streams = createRunStreams(task, { seed, runs });
      if (!streams.ok) throw new Error(formatFieldError(streams.error));
      const learner = await learnerFor(task, runs, seed);
      const r = await runProtocolSummary(learner, streams.value, { steps });
      const s = r.accuracy;
      out.push({ name: spec.name, at100: s.at100, atEnd: s.atEnd, loss: r.meanLoss, curve: s.curve });
    }
    return out;
  }
}
