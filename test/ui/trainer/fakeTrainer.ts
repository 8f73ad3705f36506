// A fake trainer worker and page environment for the controller tests: every call is recorded, frames
// are answered when the test says so, timers and animation frames run when the test says so.
import type { TrainerEnv, TrainerPort } from '../../../src/ui/trainer/trainerController';
import type {
  CheckReply,
  StartReply,
  TrainerFrame,
  TrainerInfo,
  TrainerPreset,
} from '../../../src/worker/trainer/contract';

export const PRESETS: readonly TrainerPreset[] = [
  {
    name: 'paper-fig6',
    title: 'Paper Fig. 6',
    blurb: 'official',
    config: { format: 'vsml-meta-config', version: 1, preset: 'paper-fig6', pairs: 1024 },
  },
  {
    name: 'quick-demo',
    title: 'Quick demo',
    blurb: 'small',
    config: {
      format: 'vsml-meta-config',
      version: 1,
      pairs: 8,
      steps: 300,
      sigma: 0.05,
      learningRate: 0.025,
      trajectoryLength: 50,
      seed: 42,
      tasks: { datasets: ['mnist'], project: [false, true], resize: [7], classes: [[0, 1, 2]] },
      evaluation: {
        every: 25,
        steps: 100,
        runs: 16,
        seed: 22,
        datasets: [
          { name: 'mnist/test 7x7 classes 0.1.2', dataset: 'mnist', split: 'test', resize: 7, classes: [0, 1, 2] },
        ],
      },
    },
  },
];

export const INFO: TrainerInfo = {
  backend: 'webgpu',
  description: 'WebGPU · SwiftShader',
  fallback: null,
  totalSteps: 300,
  method: 'es',
  pairs: 8,
  configName: 'quick-demo',
  evaluationNames: ['mnist/test'],
  task: { dataset: 'mnist', resize: 7, classes: [0, 1, 2], project: false, otherVariants: 0 },
};

export function frameOf(patch: Partial<TrainerFrame>): TrainerFrame {
  const step = patch.step ?? 0;
  return {
    state: 'running',
    step,
    totalSteps: 300,
    losses: new Float64Array(step).fill(1.1),
    lossesSmoothed: new Float64Array(step).fill(1.1),
    rejectedSteps: new Int32Array(0),
    lastRejection: null,
    populationLosses: new Float64Array(16),
    evaluations: [],
    stepsPerSecond: 1,
    etaSeconds: 297,
    lastSavedStep: null,
    notice: null,
    historyFrom: 0,
    ...patch,
  };
}

export const flush = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

export class FakeTrainer {
  readonly calls: { name: string; args: unknown[] }[] = [];
  checkReply: (doc: unknown) => Promise<CheckReply> = async () => ({ ok: true, summary: 'ES, 8 pairs' });
  startReply: StartReply = { ok: true, info: INFO };
  /** frame() calls wait here until answered. */
  readonly pendingFrames: ((f: TrainerFrame | null) => void)[] = [];
  exportText: string | null = '{"format":"vsml-learner"}';
  handoff = true;
  saved: { step: number; totalSteps: number; savedAt: string; configName: string } | null = null;

  private record(name: string, args: unknown[]) {
    this.calls.push({ name, args });
  }

  named(name: string) {
    return this.calls.filter((c) => c.name === name);
  }

  answerFrame(f: TrainerFrame | null): void {
    const next = this.pendingFrames.shift();
    if (!next) throw new Error('no frame() is waiting');
    next(f);
  }

  readonly api: TrainerPort = {
    presets: async () => (this.record('presets', []), PRESETS),
    check: (doc) => (this.record('check', [doc]), this.checkReply(doc)),
    start: async (doc, files) => (this.record('start', [doc, files]), this.startReply),
    resume: async (doc, files) => (this.record('resume', [doc, files]), this.startReply),
    pause: async () => void this.record('pause', []),
    play: async () => void this.record('play', []),
    stop: async () => void this.record('stop', []),
    frame: () => (this.record('frame', []), new Promise((res) => this.pendingFrames.push(res))),
    exportCheckpoint: async () => (this.record('exportCheckpoint', []), this.exportText),
    exportLearner: async () => (this.record('exportLearner', []), this.exportText),
    savedRun: async () => (this.record('savedRun', []), this.saved),
    discardSaved: async () => void this.record('discardSaved', []),
    handoffLearner: async () => (this.record('handoffLearner', []), this.handoff),
  };
}

export class FakeEnv implements TrainerEnv {
  private frameQueue: (() => void)[] = [];
  private timers = new Map<number, () => void>();
  private nextTimer = 1;
  readonly downloads: { blob: Blob; filename: string }[] = [];
  readonly navigations: string[] = [];
  readonly lock: boolean[] = [];

  requestFrame(cb: () => void): void {
    this.frameQueue.push(cb);
  }
  /** Run one animation frame (the callbacks queued before it). */
  tick(): void {
    const q = this.frameQueue;
    this.frameQueue = [];
    for (const cb of q) cb();
  }
  setTimer(cb: () => void): unknown {
    const id = this.nextTimer++;
    this.timers.set(id, cb);
    return id;
  }
  clearTimer(h: unknown): void {
    this.timers.delete(h as number);
  }
  get pendingTimers(): number {
    return this.timers.size;
  }
  /** Fire every pending timer. */
  fireTimers(): void {
    const t = [...this.timers.values()];
    this.timers.clear();
    for (const cb of t) cb();
  }
  download(blob: Blob, filename: string): void {
    this.downloads.push({ blob, filename });
  }
  navigate(url: string): void {
    this.navigations.push(url);
  }
  async wakeLock(on: boolean): Promise<void> {
    this.lock.push(on);
  }
  /** Files the app ships, by their path under public/. */
  readonly assets = new Map<string, Uint8Array>();
  readonly fetched: string[] = [];
  async fetchAsset(path: string): Promise<Uint8Array | null> {
    this.fetched.push(path);
    return this.assets.get(path) ?? null;
  }
}
