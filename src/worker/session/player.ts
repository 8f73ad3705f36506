// Plays the current session in the worker: a loop of short blocks (pacer.ts) through one queue
// (serial.ts) that every use of the engine takes in turn, so the engine never runs two things at once
// and a frame is always taken between blocks. Between blocks the loop yields a macrotask, so Comlink
// calls (frame, pause, setView) are served while it plays. An error in a block stops the loop and
// becomes the notice. Replacing the session stops the loop too: a new session starts paused.
// While the session moves onto another engine (handover.ts), the blocks replay its examples on the
// new engine instead of advancing (catchUp), playing or not, at full speed, until it has taken over.
// While an open is in progress (hold), the loop starts no block, so the worker's time goes to the open
// rather than to a session it is about to replace; it plays on if the open is refused.
import type { BlockSource, VsmlEngine } from '../../model/engine';
import { errorMessage } from '../../model/result';
import { Pacer } from './pacer';
import { SerialQueue } from '../shared/serial';
import type { Frame, StateView } from './contract';
import type { Session } from './session';
import { SpeedMeter } from './speedMeter';
import { yieldToEvents } from '../shared/yieldToEvents';

/**
 * Wall time in milliseconds and waiting (pacing a session's play; TrainerClock is the trainer's time and date),
 * injectable so pacing can be tested on a fake clock.
 */
export interface PacingClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacingClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Player {
  private session: Session | null = null;
  private readonly queue = new SerialQueue();
  /** Bumped by every stop: a loop (or its queued block) of an older generation does nothing more. */
  private generation = 0;
  private loop: Promise<void> = Promise.resolve();
  private pacer = new Pacer(1);
  private meter: SpeedMeter;
  /** Ends a pacing wait early (pause). */
  private wake: (() => void) | null = null;
  private speed = Infinity;
  /** Opens in progress (hold): the loop starts no block while there is one. */
  private holds = 0;
  private stoppedOnError: Session | null = null;
  playing = false;
  /** Shown in frames until the session is replaced (the api sets it for device loss). */
  notice: string | null = null;
  /** Frame.infoRevision (the api bumps it whenever the session's info changes). */
  infoRevision = 0;

  constructor(private readonly clock: PacingClock = realClock) {
    this.meter = new SpeedMeter(clock.now());
  }

  /** The speed to resume `session` at: it is playing, or an error in one of its blocks stopped it; else null. */
  resumeSpeed(session: Session): number | null {
    if (this.session !== session) return null;
    return this.playing || this.stoppedOnError === session ? this.speed : null;
  }

  /** Make `next` the session (paused, notice cleared) and dispose the old one once the block in flight is done. */
  async replace(next: Session): Promise<void> {
    const old = this.session;
    this.session = next;
    const stopped = this.stop();
    this.notice = null;
    this.stoppedOnError = null;
    this.meter = new SpeedMeter(this.clock.now());
    this.pacer = new Pacer(next.maxBlockSteps);
    await stopped;
    if (old) await this.queue.run(() => old.dispose());
  }

  play(examplesPerSecond: number): void {
    if (!(examplesPerSecond > 0))
      throw new Error(`play: examples per second must be > 0 or Infinity, got ${examplesPerSecond}`);
    if (!this.session) return;
    this.speed = examplesPerSecond;
    if (this.playing) {
      this.pacer.setSpeed(examplesPerSecond, this.clock.now());
      return;
    }
    this.playing = true;
    this.stoppedOnError = null;
    this.meter = new SpeedMeter(this.clock.now(), this.session.examplesSeen);
    const generation = ++this.generation;
    this.pacer.start(examplesPerSecond, this.clock.now());
    this.loop = this.run(generation);
  }

  /**
   * Start no block until the returned function is called (an open in progress); frames, step() and pause() are served
   * meanwhile.
   */
  hold(): () => void {
    this.holds++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.holds--;
      if (this.holds === 0) this.wake?.();
    };
  }

  /** Stop the loop; resolves once the block in flight has finished. */
  pause(): Promise<void> {
    return this.stop();
  }

  /** Pause, then advance by exactly `steps` examples in blocks of the loop's size (frames are served between them). */
  async step(steps: number): Promise<void> {
    if (!Number.isInteger(steps) || steps < 1) throw new Error(`step: steps must be a positive integer, got ${steps}`);
    await this.stop();
    const session = this.session;
    if (!session) throw new Error('step: nothing is open');
    if (!(await this.catchUp(session))) return;
    for (let left = steps; left > 0;) {
      const n = Math.min(left, this.pacer.blockCap());
      const done = await this.queue.run(() => (this.session === session ? this.timed(session, n) : false));
      if (!done) return; // replaced meanwhile
      left -= n;
      if (left > 0) await yieldToEvents();
    }
  }

  /**
   * Move `session` onto `next` (handover.ts) between two blocks: it replays the examples so far in
   * blocks of a new pacer (the first of one example), playing or paused. Resolves once `next` has
   * taken over; rejects when the session was replaced first or a replay block failed (the session
   * then goes on as it was); `next` is disposed whenever it does not take over.
   */
  async handOver(session: Session, next: VsmlEngine, replay: BlockSource): Promise<void> {
    // Wrapped: the queue would wait for the handover itself, which needs the queue.
    const began = await this.queue.run(() => {
      if (this.session !== session) return null;
      try {
        const took = session.beginHandover(next, replay);
        this.pacer = new Pacer(session.maxBlockSteps);
        return { took };
      } catch (e) {
        return { refused: e };
      }
    });
    if (!began || 'refused' in began) {
      next.dispose();
      throw began ? began.refused : new Error('the session was replaced');
    }
    if (!this.playing) void this.catchUp(session);
    await began.took;
  }

  /** Replay blocks until `session` is no longer moving (none: at once); false when it was replaced meanwhile. */
  private async catchUp(session: Session): Promise<boolean> {
    while (session.catchingUp && this.session === session) {
      await this.queue.run(() =>
        this.session === session ? this.timedCatchUp(session, this.pacer.blockCap()) : undefined,
      );
      await yieldToEvents();
    }
    return this.session === session;
  }

  /**
   * Run `use` on the session between two blocks, once any handover replay has finished (so the
   * engine it reads is the one that goes on); `pause` first stops the loop. Null when nothing is
   * open or the session was replaced meanwhile.
   */
  async use<T>(use: (session: Session) => Promise<T> | T, { pause }: { readonly pause: boolean }): Promise<T | null> {
    if (pause) await this.stop();
    const session = this.session;
    if (!session) return null;
    if (!(await this.catchUp(session))) return null;
    return this.queue.run(() => (this.session === session ? use(session) : null));
  }

  /** The latest frame, taken between blocks; `view` null: no heatmap; `strip`: whose probabilities the strip shows. */
  frame(view: StateView | null, strip = 'vsml'): Promise<Frame | null> {
    return this.queue.run(async () => {
      const session = this.session;
      if (!session) return null;
      const base = session.frame(undefined, strip);
      const problem = view ? session.checkView(view) : null;
      let heatmap: Frame['heatmap'] = null;
      let notice = this.notice ?? problem;
      if (view && !problem) {
        try {
          heatmap = await session.heatmap(view);
        } catch (e) {
          notice = this.notice ?? `The state could not be read: ${errorMessage(e)}`;
        }
      }
      const examplesPerSecond = this.playing ? this.meter.rate() : 0;
      return {
        ...base,
        heatmap,
        speed: {
          examplesPerSecond,
          cellTicksPerSecond: examplesPerSecond * session.runs * session.cellTicksPerExample,
        },
        playing: this.playing,
        notice,
        infoRevision: this.infoRevision,
      };
    });
  }

  private stop(): Promise<void> {
    this.generation++;
    this.playing = false;
    this.wake?.();
    return this.loop;
  }

  private async run(generation: number): Promise<void> {
    while (generation === this.generation) {
      if (this.holds > 0) {
        await this.park();
        continue;
      }
      const replaying = this.session?.catchingUp === true;
      const d = replaying ? { steps: this.pacer.blockCap() } : this.pacer.next(this.clock.now());
      if ('waitMs' in d) {
        await this.wait(d.waitMs);
        continue;
      }
      await this.queue.run(async () => {
        const session = this.session;
        if (generation !== this.generation || !session) return;
        try {
          if (session.catchingUp) await this.timedCatchUp(session, d.steps);
          else await this.timed(session, d.steps);
        } catch (e) {
          if (generation !== this.generation) return;
          this.generation++;
          this.playing = false;
          this.stoppedOnError = session;
          this.notice = `The session stopped: ${errorMessage(e)}`;
        }
      });
      if (generation !== this.generation) return;
      await yieldToEvents();
    }
  }

  /** One block on `session`, timed for the pacer and the speed meter. */
  private async timed(session: Session, steps: number): Promise<true> {
    const { pacer, meter } = this; // a replace() during the block brings new ones for the new session
    const t0 = this.clock.now();
    await session.step(steps);
    const t1 = this.clock.now();
    pacer.record(steps, t1 - t0);
    meter.record(t1, session.examplesSeen);
    return true;
  }

  /** One replay block of a handover, timed for the pacer only (no example is new). */
  private async timedCatchUp(session: Session, steps: number): Promise<void> {
    const { pacer } = this;
    const t0 = this.clock.now();
    const n = await session.catchUp(steps);
    if (n > 0) pacer.record(n, this.clock.now() - t0);
  }

  /** Wait until woken (a hold released, or stop). */
  private park(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.wake === done) this.wake = null;
        resolve();
      };
      this.wake = done;
    });
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.wake === done) this.wake = null;
        resolve();
      };
      this.wake = done;
      void this.clock.sleep(ms).then(done);
    });
  }
}
