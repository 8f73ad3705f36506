// A fake studio worker and page environment for the controller tests: every call is recorded; open()
// answers at once, or waits until the test answers it (`holdOpens`); animation frames run when the
// test says so; shipped learners are served from a map.
import type { SessionPort, StudioEnv } from '../../../src/ui/session/controller';
import type { Frame } from '../../../src/worker/session/contract';
import type {
  Drawing,
  ExplainReply,
  LearnedDocument,
  OpenReply,
  PeekReply,
  ReproduceReply,
  SessionInfo,
  SessionSettings,
  TeachReply,
} from '../../../src/worker/session/contract';

export const INFO: SessionInfo = {
  backend: 'cpu',
  description: 'CPU reference',
  fallback: null,
  inputSize: 784,
  numClasses: 10,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  taskName: 'mnist/test',
  runs: 8,
  layers: [{ A: 784, B: 10 }],
  stateSize: 8,
  imageShape: { height: 28, width: 28, channels: 1 },
  handover: null,
  learned: [],
};

export interface OpenCall {
  readonly settings: SessionSettings;
  readonly learner: unknown;
  readonly files: { readonly [role: string]: { readonly name: string; readonly bytes: Uint8Array } } | undefined;
  /** The learned-learner documents sent with the open (none: []). */
  readonly learned: readonly LearnedDocument[];
}

export const flush = async (rounds = 10): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

export class FakeSession {
  readonly opens: OpenCall[] = [];
  readonly calls: string[] = [];
  /** The seeds restart() was called with. */
  readonly restarts: number[] = [];
  /** The learners setStrip() was called with. */
  readonly strips: string[] = [];
  /** The reply to an open (or an exception it throws, as Comlink's postMessage does for a value it cannot clone). */
  reply: (call: OpenCall) => OpenReply = () => ({ ok: true, info: INFO });
  /** What info() answers. */
  infoReply: SessionInfo = INFO;
  /** The frame frame() answers; while `holdFrames`, each waits in `heldFrames` until the test releases it. */
  frameReply: () => Frame | null = () => null;
  holdFrames = false;
  readonly heldFrames: (() => void)[] = [];
  /** When set, each open() waits in `held` until the test releases it. */
  holdOpens = false;
  readonly held: (() => void)[] = [];

  /** Answer the oldest held open. */
  release(): void {
    const next = this.held.shift();
    if (!next) throw new Error('no open() is waiting');
    next();
  }

  readonly api: SessionPort = {
    open: async (settings, learner, files, learned) => {
      const call: OpenCall = { settings, learner, files: files as OpenCall['files'], learned: learned ?? [] };
      this.opens.push(call);
      if (this.holdOpens) await new Promise<void>((r) => this.held.push(r));
      return this.reply(call);
    },
    restart: async (seed) => {
      this.restarts.push(seed);
      return { ok: true, info: INFO };
    },
    play: async () => void this.calls.push('play'),
    pause: async () => void this.calls.push('pause'),
    step: async () => void this.calls.push('step'),
    setView: async () => undefined,
    setStrip: async (learner) => void this.strips.push(learner),
    frame: async () => {
      if (this.holdFrames) await new Promise<void>((r) => this.heldFrames.push(r));
      return this.frameReply();
    },
    curves: async () => null,
    info: async () => this.infoReply,
    explainNext: async () => (this.calls.push('explainNext'), this.explainReply()),
    peek: async (drawing) => (this.drawings.push({ drawing, label: null }), this.peekReply()),
    teach: async (drawing, label) => (this.drawings.push({ drawing, label }), this.teachReply()),
    reproduce: async () => (this.calls.push('reproduce'), this.reproduceReply()),
    trainedLearner: async () =>
      this.trainedError === null ? { ok: true, document: this.trained } : { ok: false, message: this.trainedError },
  };
  /** The learner the trainer handed over (trainedLearner), null for none; or why the store could not be read. */
  trained: unknown | null = null;
  trainedError: string | null = null;
  /** What explainNext(), peek(), teach() and reproduce() answer (default: refusals); the drawings peek (label null) and teach got. */
  explainReply: () => ExplainReply = () => ({ ok: false, message: 'explain: nothing is open' });
  peekReply: () => PeekReply = () => ({ ok: false, message: 'drawing: this session takes no drawings' });
  teachReply: () => TeachReply = () => ({ ok: false, message: 'drawing: this session takes no drawings' });
  reproduceReply: () => ReproduceReply = () => ({ ok: false, message: 'reproduce: nothing is open' });
  readonly drawings: { readonly drawing: Drawing; readonly label: number | null }[] = [];
}

export class FakeStudioEnv implements StudioEnv {
  readonly fetched: string[] = [];
  /** Shipped files by path under public/. */
  readonly assets = new Map<string, unknown>([
    ['learners/vsml-mnist.learner.json', { format: 'vsml-learner', id: 'vsml-mnist' }],
  ]);
  /** Animation-frame callbacks waiting; `tick` runs them. */
  private frames: (() => void)[] = [];
  requestFrame(callback: () => void): void {
    this.frames.push(callback);
  }
  /** One animation frame: run the callbacks waiting for it. */
  tick(): void {
    const now = this.frames;
    this.frames = [];
    for (const f of now) f();
  }
  async fetchAsset(path: string) {
    this.fetched.push(path);
    const doc = this.assets.get(path);
    return { status: doc === undefined ? 404 : 200, json: async () => doc };
  }
  randomSeed(): number {
    return 1234;
  }
}

/** A picked file as the DOM gives it: name, size, text, bytes; `reads` counts the reads of its content. */
export function pickedFile(name: string, text: string, size = new TextEncoder().encode(text).length) {
  const file = {
    name,
    size,
    reads: 0,
    text: async () => (file.reads++, text),
    arrayBuffer: async () => (file.reads++, new TextEncoder().encode(text).buffer as ArrayBuffer),
  };
  return file;
}
