// The studio's live session, without any DOM: S runs of a VSML learner on an engine and, on the same
// streams, the online baselines, advanced together one block of examples at a time. The UI pulls
// frames (at most one per animation frame); everything in a frame is a fresh typed array, so the
// worker can transfer it. Runs the same in a Web Worker and in Node (tests). Pacing, the engine queue,
// speed and notices are the player's (player.ts); this file knows one session's numbers, and which
// engine computes them (it can move onto another one mid-run: handover.ts).
import { defaultBlockSteps } from '../../meta/protocol';
import { baselineLearner, vsmlLearner } from '../../meta/learners';
import { Handover } from './handover';
import type { BaselineName } from '../../model/baselines/kinds';
import type { BlockSource, VsmlEngine } from '../../model/engine';
import type { Learner } from '../../model/formats/learner';
import type { BatchLearner } from '../../meta/protocol';
import { AccuracyTally } from './accuracyTally';
import { FRAME_POINTS, framePoints } from './framePoints';
import { episodeChunks, freshEpisodeLength, vsmlReset } from '../../meta/episodes';
import { SessionShowings } from './showingTally';
import { drawingInput, type ImageInput } from '../../data/imageInput';
import { explainExample, predictOutputs, rebuildCarry } from '../../model/explain';
import { flopModel } from '../../model/flops';
import type { Drawing, Explanation } from '../../model/explainTypes';
import { initRunState } from '../../model/init';
import { formatFieldError, type Result } from '../../model/result';
import { Rng } from '../../model/rng';
import type {
  AccuracyCurve,
  DecimatedCurve,
  Frame,
  Heatmap,
  PeekReply,
  ReproduceReply,
  ShowingsByLearner,
  StateView,
  TeachReply,
} from './contract';
import type { LearnedLine } from './learnedLines';
import { RecentOutputs } from './recentOutputs';
import { Run0Record } from './run0Record';
import { agreementOf, explainRefusal, labelRefusal, MAX_TAUGHT, predictionOf, taughtBlock } from './sessionExplain';

/** The part of a frame the session itself knows. */
export type SessionFrame = Omit<Frame, 'heatmap' | 'speed' | 'playing' | 'notice' | 'infoRevision'>;

export interface SessionOptions {
  readonly learner: Learner;
  readonly baselines: readonly BaselineName[];
  /** Learned learners without variable sharing (learnedLines.ts), on the same streams; default none. */
  readonly learned?: readonly LearnedLine[];
  /** Seed of the initial states / weights (the streams have their own, in `source`). */
  readonly seed: number;
  /** Examples kept for the introspection strip (default 100). */
  readonly history?: number;
  /** The task's data path for one image (the drawing pad), or why it has none (imageInput). */
  readonly drawing?: Result<ImageInput>;
}

/** A drawing every run took outside the stream, after `at` stream examples (a handover replays it there). */
interface TaughtExample {
  readonly at: number;
  readonly x: Float32Array;
  readonly label: number;
}

export class Session {
  private examples = 0;
  private readonly history: number;
  private readonly tallies = new Map<string, AccuracyTally>();
  private readonly baselines: { name: BaselineName; learner: ReturnType<typeof baselineLearner> }[];
  /** The learned learners, each remade from its zero state at a fresh episode. */
  private readonly learned: { line: LearnedLine; learner: BatchLearner }[];
  private readonly K: number;
  private readonly A: number;
  private input: Float32Array;
  private label = -1;
  /** Run 0's last examples' probabilities, every learner's, and labels (the strip). */
  private readonly recent: RecentOutputs;
  private engine: VsmlEngine;
  /** The engine the session is moving onto, while it replays the examples seen so far; or null. */
  private handover: {
    readonly to: Handover;
    readonly done: () => void;
    readonly failed: (e: Error) => void;
    taught: number;
  } | null = null;
  /** Run 0's last example and its examples since its initial state ("explain this step", the pad, reproduce). */
  readonly run0: Run0Record;
  /** Drawings taught so far, in order. */
  private readonly taught: TaughtExample[] = [];
  /** First- and second-showing tallies and run 0's recent marks (association stream). */
  private readonly showingTally: SessionShowings;
  /** Every episode from fresh learners: its length, else null; and the reset of the VSML runs, made on first use. */
  private readonly freshLength: number | null;
  private resetVsml: (() => void) | null = null;
  /** Examples in the largest block (inputs of about 32 MiB, at most 500). */
  readonly maxBlockSteps: number;
  /**
   * Sub-RNNs of the grid: sum over layers of A * B (a cell-tick is one of them running one tick: its micro-ticks and
   * messages).
   */
  readonly cells: number;
  /**
   * Cell-ticks of one run per example: `cells`, twice with backwardPass (the forward and the reverse tick: flops.ts
   * ticksPerExample).
   */
  readonly cellTicksPerExample: number;

  constructor(
    engine: VsmlEngine,
    private readonly source: BlockSource,
    private readonly options: SessionOptions,
  ) {
    this.engine = engine;
    const { runs } = engine.spec;
    this.A = source.inputSize;
    this.K = source.numClasses;
    if (engine.spec.inputSize !== this.A || engine.spec.numClasses !== this.K) {
      throw new Error(
        `session: the engine is for ${engine.spec.inputSize} inputs x ${engine.spec.numClasses} classes, the data has ${this.A} x ${this.K}`,
      );
    }
    this.history = options.history ?? 100;
    vsmlLearner(engine, options.learner, options.seed);
    this.baselines = options.baselines.map((name) => ({
      name,
      learner: baselineLearner(name, this.A, this.K, runs, options.seed),
    }));
    this.tallies.set('vsml', new AccuracyTally(runs));
    for (const b of this.baselines) this.tallies.set(b.name, new AccuracyTally(runs));
    this.learned = (options.learned ?? []).map((line) => ({ line, learner: line.create() }));
    for (const l of this.learned) this.tallies.set(l.line.name, new AccuracyTally(runs));
    this.input = new Float32Array(this.A);
    this.recent = new RecentOutputs([...this.tallies.keys()], this.K, this.history);
    this.showingTally = new SessionShowings(source, runs, [...this.tallies.keys()], this.history);
    this.freshLength = freshEpisodeLength(source);
    this.maxBlockSteps = defaultBlockSteps(runs, this.A);
    const work = flopModel(options.learner.config, engine.shapes);
    this.cells = work.cells;
    this.cellTicksPerExample = work.cells * work.ticksPerExample;
    // Run 0's initial state, as vsmlLearner drew it (initRunStates: run s from new Rng(seed).fork(s)).
    this.run0 = new Run0Record(
      this.A,
      this.K,
      initRunState(options.learner.config, engine.shapes, new Rng(options.seed).fork(0)),
    );
  }

  get examplesSeen(): number {
    return this.examples;
  }

  get runs(): number {
    return this.engine.spec.runs;
  }

  /**
   * Advance every run (VSML, the baselines and the learned learners) by `steps` examples of the same streams; with
   * fresh episodes, each episode from the learners' start (src/meta/episodes.ts).
   */
  async step(steps: number): Promise<void> {
    if (!Number.isInteger(steps) || steps < 1)
      throw new Error(`session: steps must be a positive integer, got ${steps}`);
    for (const chunk of episodeChunks(this.examples, steps, this.freshLength)) {
      if (chunk.reset) this.resetLearners();
      await this.stepBlock(chunk.steps);
    }
  }

  /**
   * Every learner back to where it began (a fresh episode): VSML's initial states, the baselines' initial weights, the
   * learned learners' zero states, run 0's record.
   */
  private resetLearners(): void {
    this.resetVsml ??= vsmlReset(() => this.engine, this.options.learner, this.options.seed);
    this.resetVsml();
    for (const b of this.baselines) b.learner.reset(this.options.seed);
    for (const l of this.learned) l.learner = l.line.create();
    this.run0.reset();
  }

  private async stepBlock(steps: number): Promise<void> {
    const S = this.engine.spec.runs;
    const block = { inputs: new Float32Array(S * steps * this.A), labels: new Int32Array(S * steps), steps };
    this.source.fillBlock(block);
    this.showingTally.begin(steps);
    const r = await this.engine.run(block, { outputs: true });
    this.run0.record(block.inputs, block.labels, r.outputs as Float32Array, steps);
    this.tally('vsml', r, steps);
    for (const b of this.baselines) this.tally(b.name, b.learner.run(block, { outputs: true }), steps);
    for (const l of this.learned) this.tally(l.line.name, await l.learner.run(block, { outputs: true }), steps);
    this.recent.addLabels(block.labels, steps);
    const last = steps - 1;
    this.input = block.inputs.slice(last * this.A, steps * this.A);
    this.label = block.labels[last];
    this.examples += steps;
  }

  /** One learner's block: its accuracy, its showings, run 0's probabilities. */
  private tally(name: string, r: { correct: Uint8Array; outputs?: Float32Array | null }, steps: number): void {
    this.tallies.get(name)?.add(r.correct, steps);
    this.showingTally.add(name, r.correct);
    this.recent.add(name, r.outputs as Float32Array, steps);
  }

  /**
   * Run 0's last example, the strip of the learner `strip` (VSML when the session runs no such learner) and every
   * learner's curve, decimated to `maxPoints`.
   */
  frame(maxPoints = FRAME_POINTS, strip = 'vsml'): SessionFrame {
    const accuracy: Record<string, DecimatedCurve> = {};
    for (const [name, tally] of this.tallies) accuracy[name] = framePoints(tally.view(), tally.latest(), maxPoints);
    const whose = this.recent.has(strip) ? strip : 'vsml';
    const probabilities = this.recent.last('vsml');
    return {
      examplesSeen: this.examples,
      input: this.input.slice(),
      label: this.label,
      probabilities,
      predicted: argmax(probabilities),
      recentProbabilities: this.recent.probabilities(whose),
      strip: whose,
      recentLabels: this.recent.labels(),
      recentMarks: this.showingTally.recentMarks(),
      showings: this.showingTally.summary(),
      accuracy,
    };
  }

  /**
   * Every learner's kept curve (point i after (i + 1) * every examples; every is 1 up to TALLY_POINTS examples), in new
   * arrays.
   */
  curves(): { readonly [learner: string]: AccuracyCurve } {
    const out: Record<string, AccuracyCurve> = {};
    for (const [name, tally] of this.tallies) out[name] = tally.curve();
    return out;
  }

  /** Every learner's first- and second-showing accuracy (association stream), or null. */
  showings(): ShowingsByLearner | null {
    return this.showingTally.summary();
  }

  /**
   * Start moving onto `next` (a fresh engine for the same spec) with `replay` (these streams again,
   * from example 0): it gets V_M and the initial states now, replays the examples seen so far in
   * catchUp() blocks, and then computes everything that follows. Resolves when it has taken over
   * (at once when no example was seen); rejects when a replay block failed (the session stays on its
   * engine) or the session was disposed first (`next` is disposed either way). A session already
   * moving refuses.
   */
  beginHandover(next: VsmlEngine, replay: BlockSource): Promise<void> {
    const { spec } = this.engine;
    if (this.handover) throw new Error('session: a handover is already under way');
    if (
      next.spec.runs !== spec.runs ||
      next.spec.inputSize !== spec.inputSize ||
      next.spec.numClasses !== spec.numClasses
    ) {
      throw new Error(
        `session: the new engine is for ${next.spec.runs} runs of ${next.spec.inputSize} x ${next.spec.numClasses}, the session has ${spec.runs} of ${spec.inputSize} x ${spec.numClasses}`,
      );
    }
    const to = new Handover(next, replay, this.options.learner, this.options.seed);
    return new Promise<void>((done, failed) => {
      this.handover = { to, done, failed, taught: 0 };
      this.takeOverIfCaughtUp();
    });
  }

  /** Whether a handover is replaying (step() would advance the old engine; the player calls catchUp() instead). */
  get catchingUp(): boolean {
    return this.handover !== null;
  }

  /**
   * Replay up to `steps` examples on the incoming engine (one block); it takes over once it has caught up. Returns the
   * examples replayed.
   */
  async catchUp(steps: number): Promise<number> {
    const h = this.handover;
    if (!h) return 0;
    let n: number;
    try {
      // Taught drawings go in where they were taught (after `at` stream examples).
      const next = this.taught[h.taught];
      if (next && next.at === h.to.replayed) {
        await h.to.engine.run(taughtBlock(next.x, next.label, this.runs), { outputs: false });
        h.taught++;
        n = 1;
      } else {
        n = await h.to.replay(steps, next ? Math.min(next.at, this.examples) : this.examples);
      }
    } catch (e) {
      this.abandonHandover(e instanceof Error ? e : new Error(String(e)));
      return 0;
    }
    if (this.handover === h) this.takeOverIfCaughtUp();
    return n;
  }

  private abandonHandover(why: Error): void {
    const h = this.handover;
    if (!h) return;
    this.handover = null;
    h.to.engine.dispose();
    h.failed(why);
  }

  private takeOverIfCaughtUp(): void {
    const h = this.handover;
    if (!h || h.to.replayed < this.examples || h.taught < this.taught.length) return;
    this.handover = null;
    const old = this.engine;
    this.engine = h.to.engine;
    old.dispose();
    h.done();
  }

  /** Why `view` does not fit this session's grid ("view.layer: ..."), or null when it does. */
  checkView(view: StateView): string | null {
    const L = this.engine.shapes.length;
    const N = this.engine.spec.config.stateSize;
    if (!(Number.isInteger(view.layer) && view.layer >= 0 && view.layer < L))
      return `view.layer: must be an integer in [0, ${L}), got ${view.layer}`;
    if (view.vector !== 'h' && view.vector !== 'c') return `view.vector: must be h or c, got ${String(view.vector)}`;
    if (!(Number.isInteger(view.j) && view.j >= 0 && view.j < N))
      return `view.j: must be an integer in [0, ${N}), got ${view.j}`;
    return null;
  }

  /** Run 0's state slice for a view that passed `checkView`. */
  async heatmap(view: StateView): Promise<Heatmap> {
    const { A, B } = this.engine.shapes[view.layer];
    const values = await this.engine.readStateSlice(0, view.layer, view.vector, view.j);
    return { view: { layer: view.layer, vector: view.vector, j: view.j }, rows: A, cols: B, values };
  }

  /**
   * Advance every run by one example (step(1)) and explain run 0's: explain.ts from run 0's state read
   * back before it and its rebuilt pending inputs, and how far that is from the engine's own numbers
   * (with backwardPass, the states after the reverse tick). A refusal (too large) comes before the
   * step, so the session is left as it was.
   */
  async explainNext(): Promise<{ explanation: Explanation; agreement: number; traceIndex: number }> {
    const { config } = this.engine.spec;
    const { shapes } = this.engine;
    const tooBig = explainRefusal(config, shapes);
    if (tooBig) throw new Error(tooBig);
    const params = this.options.learner.params;
    const before = await this.engine.readState(0);
    const { last, resets } = { last: this.run0.last, resets: this.run0.resets };
    const example = this.examples;
    await this.step(1);
    const took = this.run0.last;
    if (!took) throw new Error('explain: run 0 took no example');
    // A fresh episode put run 0 back to its initial state before this example: no pending inputs then.
    const carry =
      this.run0.resets === resets
        ? rebuildCarry(config, params, shapes, before, last)
        : rebuildCarry(config, params, shapes, this.run0.initialState, null);
    const explanation = explainExample(config, params, shapes, carry, took.x, took.label, example);
    return {
      explanation,
      agreement: agreementOf(explanation, await this.engine.readState(0), took.y),
      traceIndex: this.run0.examples - 1,
    };
  }

  private drawingInputOf(d: Drawing): Result<Float32Array> {
    const path = this.options.drawing;
    if (!path)
      return { ok: false, error: { code: 'unsupported', field: 'drawing', message: 'this session takes no drawings' } };
    return path.ok ? drawingInput(path.value, d) : path;
  }

  /**
   * Run 0's prediction for a drawing now (explain.ts's forward tick on its state read back; no reverse tick with
   * backwardPass, as nothing is learnt), changing nothing.
   */
  async peek(d: Drawing): Promise<PeekReply> {
    const x = this.drawingInputOf(d);
    if (!x.ok) return { ok: false, message: `drawing: ${formatFieldError(x.error)}` };
    const { config } = this.engine.spec;
    const { params } = this.options.learner;
    const carry = rebuildCarry(config, params, this.engine.shapes, await this.engine.readState(0), this.run0.last);
    return { ok: true, ...predictionOf(x.value, predictOutputs(config, params, this.engine.shapes, carry, x.value)) };
  }

  /**
   * Every run (VSML, the baselines and the learned learners) takes the drawing as one more example with this label,
   * outside
   * the stream: the examples seen and the accuracy curves do not move. Answers run 0's prediction,
   * made before it saw the label.
   */
  async teach(d: Drawing, label: number): Promise<TeachReply> {
    const bad = labelRefusal(label, this.K);
    if (bad) return { ok: false, message: bad };
    const x = this.drawingInputOf(d);
    if (!x.ok) return { ok: false, message: `drawing: ${formatFieldError(x.error)}` };
    if (this.taught.length >= MAX_TAUGHT)
      return {
        ok: false,
        message: `teach: the session keeps at most ${MAX_TAUGHT} drawings; restart it to teach more`,
      };
    const block = taughtBlock(x.value, label, this.runs);
    const r = await this.engine.run(block, { outputs: true });
    for (const b of this.baselines) b.learner.run(block, { outputs: false });
    for (const l of this.learned) await l.learner.run(block, { outputs: false });
    const y = (r.outputs as Float32Array).subarray(0, this.K);
    this.run0.record(x.value, block.labels, y, 1, true);
    this.taught.push({ at: this.examples, x: x.value, label });
    return { ok: true, ...predictionOf(x.value, y) };
  }

  /** The vsml-stream and vsml-state documents that recompute run 0 with `vsml trace`. */
  reproduce(): ReproduceReply {
    return this.run0.documents();
  }

  dispose(): void {
    this.engine.dispose();
    this.abandonHandover(new Error('the session was closed'));
  }
}

function argmax(p: Float32Array): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return best;
}
