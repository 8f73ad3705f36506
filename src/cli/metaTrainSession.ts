// The loop of `vsml meta-train` once the trainer is ready: steps, log lines, checkpoints, held-out
// evaluations, the progress bar, and the summary at the end.
import type { HeldOutResult } from '../meta/heldOut';
import { checkpointDue, evaluationDue } from '../meta/schedule';
import type { MetaConfig } from '../meta/metaConfig';
import type { RunCheckpoint } from '../meta/runCheckpoint';
import type { StepReport } from '../meta/trainer';
import type { BackendName } from '../model/engine';
import { errorLine } from '../model/result';
import { runtimeFailure, success, type CommandIo, type Outcome } from './command';
import { appendLog, writeCheckpoint, type LogEntry, type RunFileWriter, type RunFiles } from './metaTrainFiles';
import { formatDuration, ProgressBar } from './progress';

const NAME = 'vsml meta-train';

/** What the loop needs of a trainer: VSML's (trainer.ts) or a learned learner's (learnedTrainer.ts). */
export interface SessionTrainer {
  readonly config: MetaConfig;
  step(): Promise<StepReport>;
  evaluate(): Promise<HeldOutResult[]>;
  state(): { readonly step: number; readonly rejected: number };
  checkpoint(): RunCheckpoint;
}

export interface SessionArgs {
  readonly trainer: SessionTrainer;
  readonly files: RunFiles;
  readonly io: CommandIo;
  readonly backend: BackendName;
  /** Log entries of earlier sessions (resume), up to the checkpoint. */
  readonly history: LogEntry[];
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  /** How checkpoint pairs are written (default: the file system). */
  readonly writer?: RunFileWriter;
  /**
   * A distributed run (--queue): its live lines go to the bar, its step statistics into each step's log entry as
   * "queue".
   */
  readonly queue?: SessionQueue;
}

export interface SessionQueue {
  attach(bar: Pick<ProgressBar, 'detail' | 'note'>): void;
  /** The last step's statistics (coordinator.ts StepStats). */
  stats(): object | null;
}

const meanOf = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

const evalJson = (results: HeldOutResult[]) =>
  Object.fromEntries(results.map((r) => [r.name, { at100: r.at100, atEnd: r.atEnd, loss: r.loss }]));

const evalLine = (step: number, results: HeldOutResult[]): string =>
  `eval @ step ${step}: ${results.map((r) => `${r.name}: cum. acc. ${r.atEnd.mean.toFixed(4)}${r.at100 ? ` (@100 ${r.at100.mean.toFixed(4)})` : ''}, loss ${r.loss.toFixed(4)}`).join('; ')}`;

export async function runSession(a: SessionArgs): Promise<Outcome> {
  const { trainer, files, io, history } = a;
  const cfg = trainer.config;
  const total = cfg.steps;
  const now = a.now ?? (() => performance.now());
  const t0 = now();
  const wallOffset = history.length ? history[history.length - 1].wallSeconds : 0;
  const wall = () => wallOffset + (now() - t0) / 1000;
  const start = trainer.state().step;
  const bar = new ProgressBar(io.progress, { total, start, now });
  a.queue?.attach(bar);
  const evalDue = (step: number) => evaluationDue(cfg, step);
  const losses = () => history.filter((e) => typeof e.metaLoss === 'number').map((e) => e.metaLoss as number);
  const log = async (entry: LogEntry) => {
    history.push(entry);
    await appendLog(files, entry);
  };

  const evaluate = async (step: number): Promise<Outcome | null> => {
    const started = now();
    let results: HeldOutResult[];
    try {
      results = await trainer.evaluate();
    } catch (e) {
      return runtimeFailure(`${NAME}: ${a.backend} evaluation failed at step ${step}: ${errorLine(e)}`);
    }
    await log({ step, eval: evalJson(results), seconds: (now() - started) / 1000, wallSeconds: wall() });
    bar.note(evalLine(step, results));
    return null;
  };
  let checkpointed = start;
  const checkpoint = async (): Promise<Outcome | null> => {
    try {
      await writeCheckpoint(files, trainer.checkpoint(), a.writer);
      checkpointed = trainer.state().step;
      return null;
    } catch (e) {
      return runtimeFailure(`${NAME}: cannot write the checkpoint: ${errorLine(e)}`);
    }
  };

  if (start < total && evalDue(start) && !history.some((e) => e.step === start && e.eval !== undefined)) {
    const failed = await evaluate(start);
    if (failed) return failed;
  }
  let step = start;
  while (step < total && !a.signal?.aborted) {
    let r: StepReport;
    try {
      r = await trainer.step();
    } catch (e) {
      bar.done();
      return runtimeFailure(`${NAME}: ${a.backend} engine failed at step ${step + 1}: ${errorLine(e)}`);
    }
    step = r.step;
    await log({
      step,
      metaLoss: r.metaLoss,
      accepted: r.accepted,
      ...(r.rejection ? { rejected: r.rejection } : {}),
      gradientNorm: r.gradientNorm,
      seconds: r.seconds,
      wallSeconds: wall(),
      ...(a.queue ? { queue: a.queue.stats() } : {}),
    });
    if (r.rejection) bar.note(`step ${step} rejected: ${r.rejection}; parameters and optimiser state kept`);
    bar.update(step, r.metaLoss, meanOf(losses().slice(-10)));
    if (checkpointDue(cfg, step)) {
      const failed = await checkpoint();
      if (failed) return failed;
    }
    if (evalDue(step)) {
      const failed = await evaluate(step);
      if (failed) return failed;
    }
  }
  if (checkpointed !== step) {
    const failed = await checkpoint();
    if (failed) return failed;
  }
  bar.done();

  const st = trainer.state();
  const all = losses();
  const first = meanOf(all.slice(0, 10));
  const last = meanOf(all.slice(-10));
  const session = (now() - t0) / 1000;
  if (a.signal?.aborted && step < total)
    io.info(`meta-train: stopped at step ${step} of ${total}; continue with --resume`);
  const work =
    cfg.method === 'clone-backprop'
      ? `${cfg.cloneBatch} cells (clone-backprop)`
      : `${cfg.pairs} ${cfg.method === 'gradient' ? 'trajectories (gradient)' : `pairs (${cfg.method})`} x T=${cfg.trajectoryLength}`;
  const where = cfg.learner.kind === 'vsml' ? a.backend : `the ${cfg.learner.kind} CPU reference`;
  io.info(
    `meta-train: ${st.step} of ${total} steps (${st.rejected} rejected), ${work}, on ${where}; this session ${step - start} steps in ${formatDuration(session)}${step > start ? ` (${((step - start) / session).toFixed(3)} steps/s)` : ''}`,
  );
  if (first !== null && last !== null)
    io.info(`meta-loss: mean of the first 10 steps ${first.toFixed(4)}, of the last 10 ${last.toFixed(4)}`);
  const evals = history.filter((e) => e.eval !== undefined);
  if (evals.length >= 1) {
    const e0 = evals[0];
    const e1 = evals[evals.length - 1];
    for (const name of Object.keys(e1.eval as object)) {
      const acc = (e: LogEntry) =>
        (e.eval as Record<string, { atEnd: { mean: number } } | undefined>)[name]?.atEnd.mean;
      const before = acc(e0);
      io.info(
        `${name}: cum. acc. ${before === undefined ? '?' : before.toFixed(4)} at step ${e0.step} -> ${(acc(e1) as number).toFixed(4)} at step ${e1.step}`,
      );
    }
  }
  io.info(`-> ${files.checkpoint}, ${files.learner}, ${files.log}`);
  return success;
}
