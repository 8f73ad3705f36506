// One meta-training run in the worker: the loop of `vsml meta-train` (src/cli/metaTrainSession.ts)
// with the same schedule (src/meta/schedule.ts): an evaluation at the start when due, then per step
// the trainer's step, its evaluation when due and its checkpoint when due. A macrotask between steps
// lets Comlink calls (frame, pause, stop) in; pause and stop take effect after the step in flight and
// save a checkpoint. A rejected step (a non-finite loss) is recorded and the loop goes on; an engine
// error ends the run as 'failed', saving the state before the failed step.
import { serialiseCheckpoint } from '../../meta/checkpoint';
import { errorLine } from '../../model/result';
import { checkpointDue, evaluationDue } from '../../meta/schedule';
import type { Trainer } from '../../meta/trainer';
import type { KeyValueStore } from '../storage/keyValueStore';
import { writeAutosave } from './trainerAutosave';
import type { TrainerFrame, TrainerInfo, TrainerStatus } from './contract';
import type { TrainerHistory } from './trainerHistory';
import { trainedTask } from './trainedTask';
import { realTrainerClock, type OpenedTrainer, type TrainerClock } from './trainerOpen';
import { yieldToEvents } from '../shared/yieldToEvents';

/** Steps per second are measured over the last this many steps of the current stretch of playing. */
const SPEED_WINDOW = 10;

export interface TrainerRunOptions {
  readonly store: KeyValueStore;
  readonly clock?: TrainerClock;
  readonly configName: string;
  /** The step the store already holds (a run resumed from its autosave), else null. */
  readonly lastSavedStep: number | null;
}

export class TrainerRun {
  readonly trainer: Trainer;
  private state: TrainerStatus = 'paused';
  private notice: string | null = null;
  private lostMessage: string | null = null;
  private lastSavedStep: number | null;
  private population = new Float64Array(0);
  /** Clock times: the start of the current stretch of playing, then each step's end (the last SPEED_WINDOW + 1). */
  private marks: number[] = [];
  private haltAsked = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly clock: TrainerClock;

  constructor(
    private readonly opened: OpenedTrainer,
    private readonly history: TrainerHistory,
    private readonly options: TrainerRunOptions,
  ) {
    this.trainer = opened.trainer;
    this.clock = options.clock ?? realTrainerClock;
    this.lastSavedStep = options.lastSavedStep;
    void opened.lost.then((message) => {
      this.lostMessage = message;
      if (this.state === 'paused') this.notice = `${message}; resume to continue from step ${this.history.steps}`;
    });
  }

  info(): TrainerInfo {
    const cfg = this.trainer.config;
    return {
      backend: this.opened.backend,
      description: this.opened.description,
      fallback: this.opened.fallback,
      totalSteps: cfg.steps,
      method: cfg.method,
      pairs: cfg.pairs,
      configName: this.options.configName,
      evaluationNames: cfg.evaluation.every > 0 ? cfg.evaluation.datasets.map((d) => d.name) : [],
      task: trainedTask(cfg.tasks),
    };
  }

  /** Start or continue the loop (only from paused). */
  play(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.haltAsked = false;
    this.notice = null;
    this.loop = this.runLoop();
  }

  /** Pause or stop after the step in flight, with a checkpoint; stop also frees the engines. */
  async halt(kind: 'pause' | 'stop'): Promise<void> {
    this.haltAsked = true;
    await this.loop;
    if (this.state === 'running' || this.state === 'paused') {
      if (this.lastSavedStep !== this.history.steps) await this.save();
      this.state = kind === 'pause' ? 'paused' : 'stopped';
    }
    if (kind === 'stop') this.trainer.dispose();
  }

  /**
   * Replaced by another run: stop after the step in flight, without saving (the new run saves over it), and free the
   * engines.
   */
  async retire(): Promise<void> {
    this.haltAsked = true;
    await this.loop;
    if (this.state === 'running' || this.state === 'paused') this.state = 'stopped';
    this.trainer.dispose();
  }

  frame(): TrainerFrame {
    const { losses, lossesSmoothed, rejectedSteps, evaluations } = this.history.frameArrays();
    const step = this.history.steps;
    const total = this.trainer.config.steps;
    const speed = this.stepsPerSecond();
    return {
      state: this.state,
      step,
      totalSteps: total,
      losses,
      lossesSmoothed,
      rejectedSteps,
      lastRejection: this.history.lastRejection,
      populationLosses: new Float64Array(this.population),
      evaluations,
      stepsPerSecond: speed,
      etaSeconds: this.state === 'running' && speed > 0 ? Math.max(0, total - step) / speed : null,
      lastSavedStep: this.lastSavedStep,
      notice: this.notice,
      historyFrom: this.history.from,
    };
  }

  private stepsPerSecond(): number {
    const m = this.marks;
    if (m.length < 2) return 0;
    const seconds = (m[m.length - 1] - m[0]) / 1000;
    return seconds > 0 ? (m.length - 1) / seconds : 0;
  }

  private mark(): void {
    this.marks.push(this.clock.now());
    if (this.marks.length > SPEED_WINDOW + 1) this.marks.shift();
  }

  /** Write the current state to the store; a failure becomes the notice (the run goes on). */
  private async save(): Promise<void> {
    const cp = this.trainer.checkpoint();
    try {
      const text = serialiseCheckpoint(cp);
      await writeAutosave(
        this.options.store,
        { step: cp.step, totalSteps: cp.config.steps, savedAt: this.clock.iso(), configName: this.options.configName },
        text,
        this.history.toJson(),
      );
      this.lastSavedStep = cp.step;
    } catch (e) {
      this.notice = `autosave at step ${cp.step} failed: ${errorLine(e)}`;
    }
  }

  private async evaluate(step: number): Promise<void> {
    this.history.addEvaluation(step, await this.trainer.evaluate());
  }

  private async runLoop(): Promise<void> {
    const cfg = this.trainer.config;
    this.marks = [];
    this.mark();
    let doing = 'the evaluation at the start';
    try {
      const start = this.history.steps;
      if (start < cfg.steps && evaluationDue(cfg, start) && !this.history.hasEvaluation(start))
        await this.evaluate(start);
      while (this.history.steps < cfg.steps) {
        await yieldToEvents();
        if (this.haltAsked) return;
        doing = `step ${this.history.steps + 1}`;
        const r = await this.trainer.step();
        this.history.addStep(r.step, r.metaLoss, r.rejection);
        const pop = new Float64Array(2 * r.plus.length);
        pop.set(r.plus);
        pop.set(r.minus, r.plus.length);
        this.population = pop;
        this.mark();
        if (evaluationDue(cfg, r.step)) {
          doing = `the evaluation at step ${r.step}`;
          await this.evaluate(r.step);
        }
        if (checkpointDue(cfg, r.step)) await this.save();
      }
      if (this.lastSavedStep !== this.history.steps) await this.save();
      this.state = 'done';
    } catch (e) {
      const message = errorLine(e);
      const lost = this.lostMessage && !message.includes(this.lostMessage) ? ` (${this.lostMessage})` : '';
      await this.save(); // the state before the failed step: nothing of it was applied
      this.notice = `${doing} failed: ${message}${lost}; saved at step ${this.history.steps}: resume to continue`;
      this.state = 'failed';
    }
  }
}
