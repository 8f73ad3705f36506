// The studio's settings in the page URL, so a lecturer can share a view as a link: every setting has
// a short query key, a default (left out of the URL) and a check whose message names the key.
// Reading a URL never throws: each bad key comes back as an error, and its setting keeps its default.
import { BASELINE_NAMES, type BaselineName } from '../../model/baselines/kinds';
import { SESSION_DATASETS, SHIPPED_LEARNED, SHIPPED_LEARNERS, TRAINED_LEARNER } from '../../worker/catalog';
import type { AssociationOrder, SessionSettings, StreamKind } from '../../worker/session/contract';
import { QUIZ_MODES, type QuizMode } from '../quiz/quiz';

export type Normalisation = 'class' | 'layer' | 'fixed';

/** What the screen shows, beside what the session computes. */
export interface ViewSettings {
  /** Heatmap: layer, state vector and dimension j. */
  readonly layer: number;
  readonly vector: 'h' | 'c';
  readonly j: number;
  readonly norm: Normalisation;
  readonly logX: boolean;
  /** Examples per second; Infinity: as fast as possible. */
  readonly speed: number;
  /** Presentation mode: the four live views large, fitting the screen, controls behind a small toolbar. */
  readonly present: boolean;
  /**
   * Predict first (the classroom quiz): off, "which class will VSML predict?" or "will it be right?" (src/ui/quiz/).
   */
  readonly quiz: QuizMode;
}

export interface StudioSettings extends SessionSettings, ViewSettings {
  /** Shipped learner id (public/learners/<id>.learner.json), or "file" for one loaded from disk. */
  readonly learner: string;
  /**
   * Shipped learned learners without variable sharing run beside VSML (catalog SHIPPED_LEARNED ids), in catalog order.
   */
  readonly learned: readonly string[];
  /**
   * Association stream (ignored on the i.i.d. one): the showings' order and whether each episode starts from fresh
   * learners.
   */
  readonly order: AssociationOrder;
  readonly fresh: boolean;
}

export const DEFAULT_SETTINGS: StudioSettings = {
  learner: 'vsml-mnist',
  learned: [],
  dataset: 'mnist',
  split: 'test',
  resize: null,
  runs: 8,
  seed: 22,
  baselines: ['sgd', 'adam', 'sgd-deep', 'adam-deep'],
  classes: null,
  shuffle: false,
  project: false,
  stream: 'iid',
  order: 'apart',
  fresh: false,
  layer: 0,
  vector: 'c',
  j: 0,
  norm: 'class',
  logX: false,
  speed: Infinity,
  present: false,
  quiz: 'off',
};

const MAX_RUNS = 256;
const MAX_SIDE = 512;
const MAX_SPEED = 100_000;

export interface UrlReading {
  readonly settings: StudioSettings;
  /** `key: reason` for each bad key, in the URL's order (empty: none). */
  readonly errors: readonly string[];
}

type Mutable = { -readonly [K in keyof StudioSettings]: StudioSettings[K] };

const int = (v: string, key: string, lo: number, hi: number): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < lo || n > hi) throw new Error(`${key}: must be an integer in [${lo}, ${hi}], got "${v}"`);
  return n;
};

const flag = (v: string, key: string): boolean => {
  if (v !== '0' && v !== '1') throw new Error(`${key}: must be 0 or 1, got "${v}"`);
  return v === '1';
};

function oneOf<T extends string>(v: string, key: string, known: readonly T[]): T {
  if (!(known as readonly string[]).includes(v))
    throw new Error(`${key}: must be one of ${known.join(', ')}, got "${v}"`);
  return v as T;
}

function classList(v: string): number[] {
  const parts = v.split(',');
  const out = parts.map((p) => int(p, 'cls', 0, 1023));
  if (new Set(out).size !== out.length) throw new Error(`cls: lists a class twice, got "${v}"`);
  if (out.length < 2) throw new Error(`cls: needs at least 2 classes, got "${v}"`);
  return out;
}

/** One URL key: how it reads into the settings and how it writes (null: the default, left out). */
interface Key {
  readonly key: string;
  /** The setting it sets: the worker names it at the start of a refusal ("classes: ..."). */
  readonly setting: keyof StudioSettings;
  read(v: string, s: Mutable): void;
  write(s: StudioSettings): string | null;
}

const same = <T>(a: T, b: T): boolean => JSON.stringify(a) === JSON.stringify(b);
const D = DEFAULT_SETTINGS;

/** The learner ids a link may name: the shipped ones and the trainer's. */
const LEARNER_IDS: readonly string[] = [...SHIPPED_LEARNERS.map((l) => l.id), TRAINED_LEARNER];

const KEYS: readonly Key[] = [
  {
    key: 'learner',
    setting: 'learner',
    read(v, s) {
      if (!LEARNER_IDS.includes(v))
        throw new Error(`learner: unknown learner "${v}" (known: ${LEARNER_IDS.join(', ')})`);
      s.learner = v;
    },
    write: (s) => (s.learner === D.learner ? null : s.learner),
  },
  {
    key: 'learned',
    setting: 'learned',
    read(v, s) {
      const ids = v === '' ? [] : v.split(',');
      const known = SHIPPED_LEARNED.map((l) => l.id);
      const bad = ids.find((id) => !known.includes(id));
      if (bad !== undefined)
        throw new Error(
          `learned: unknown learned learner "${bad}" (known: ${known.length > 0 ? known.join(', ') : 'none shipped'})`,
        );
      if (new Set(ids).size !== ids.length) throw new Error(`learned: lists a learner twice, got "${v}"`);
      s.learned = known.filter((id) => ids.includes(id));
    },
    write: (s) => (same(s.learned, D.learned) ? null : s.learned.join(',')),
  },
  {
    key: 'data',
    setting: 'dataset',
    read(v, s) {
      if (!SESSION_DATASETS.includes(v))
        throw new Error(`data: unknown dataset "${v}" (known: ${SESSION_DATASETS.join(', ')})`);
      s.dataset = v;
    },
    write: (s) => (s.dataset === D.dataset ? null : s.dataset),
  },
  {
    key: 'split',
    setting: 'split',
    read: (v, s) => void (s.split = oneOf(v, 'split', ['train', 'test'])),
    write: (s) => (s.split === D.split ? null : s.split),
  },
  {
    key: 'resize',
    setting: 'resize',
    read: (v, s) => void (s.resize = v === 'none' ? null : int(v, 'resize', 1, MAX_SIDE)),
    write: (s) => (s.resize === D.resize ? null : s.resize === null ? 'none' : String(s.resize)),
  },
  {
    key: 'cls',
    setting: 'classes',
    read: (v, s) => void (s.classes = classList(v)),
    write: (s) => (same(s.classes, D.classes) ? null : (s.classes ?? []).join(',')),
  },
  {
    key: 'shuffle',
    setting: 'shuffle',
    read: (v, s) => void (s.shuffle = flag(v, 'shuffle')),
    write: (s) => (s.shuffle === D.shuffle ? null : s.shuffle ? '1' : '0'),
  },
  {
    key: 'proj',
    setting: 'project',
    read: (v, s) => void (s.project = flag(v, 'proj')),
    write: (s) => (s.project === D.project ? null : s.project ? '1' : '0'),
  },
  {
    key: 'stream',
    setting: 'stream',
    read: (v, s) => void (s.stream = oneOf<StreamKind>(v, 'stream', ['iid', 'association'])),
    write: (s) => (s.stream === D.stream ? null : s.stream),
  },
  {
    key: 'order',
    setting: 'order',
    read: (v, s) => void (s.order = oneOf<AssociationOrder>(v, 'order', ['apart', 'adjacent'])),
    write: (s) => (s.order === D.order ? null : s.order),
  },
  {
    key: 'fresh',
    setting: 'fresh',
    read: (v, s) => void (s.fresh = flag(v, 'fresh')),
    write: (s) => (s.fresh === D.fresh ? null : s.fresh ? '1' : '0'),
  },
  {
    key: 'S',
    setting: 'runs',
    read: (v, s) => void (s.runs = int(v, 'S', 1, MAX_RUNS)),
    write: (s) => (s.runs === D.runs ? null : String(s.runs)),
  },
  {
    key: 'seed',
    setting: 'seed',
    read: (v, s) => void (s.seed = int(v, 'seed', 0, 0xffffffff)),
    write: (s) => (s.seed === D.seed ? null : String(s.seed)),
  },
  {
    key: 'base',
    setting: 'baselines',
    read(v, s) {
      const names = v === '' ? [] : v.split(',');
      const bad = names.find((n) => !(BASELINE_NAMES as readonly string[]).includes(n));
      if (bad !== undefined) throw new Error(`base: unknown baseline "${bad}" (known: ${BASELINE_NAMES.join(', ')})`);
      s.baselines = names as BaselineName[];
    },
    write: (s) => (same(s.baselines, D.baselines) ? null : s.baselines.join(',')),
  },
  {
    key: 'layer',
    setting: 'layer',
    read: (v, s) => void (s.layer = int(v, 'layer', 0, 16)),
    write: (s) => (s.layer === D.layer ? null : String(s.layer)),
  },
  {
    key: 'vec',
    setting: 'vector',
    read: (v, s) => void (s.vector = oneOf(v, 'vec', ['h', 'c'])),
    write: (s) => (s.vector === D.vector ? null : s.vector),
  },
  {
    key: 'j',
    setting: 'j',
    read: (v, s) => void (s.j = int(v, 'j', 0, 1023)),
    write: (s) => (s.j === D.j ? null : String(s.j)),
  },
  {
    key: 'norm',
    setting: 'norm',
    read: (v, s) => void (s.norm = oneOf<Normalisation>(v, 'norm', ['class', 'layer', 'fixed'])),
    write: (s) => (s.norm === D.norm ? null : s.norm),
  },
  {
    key: 'logx',
    setting: 'logX',
    read: (v, s) => void (s.logX = flag(v, 'logx')),
    write: (s) => (s.logX === D.logX ? null : s.logX ? '1' : '0'),
  },
  {
    key: 'speed',
    setting: 'speed',
    read: (v, s) => void (s.speed = v === 'max' ? Infinity : int(v, 'speed', 1, MAX_SPEED)),
    write: (s) => (s.speed === D.speed ? null : Number.isFinite(s.speed) ? String(Math.round(s.speed)) : 'max'),
  },
  {
    key: 'present',
    setting: 'present',
    read: (v, s) => void (s.present = flag(v, 'present')),
    write: (s) => (s.present === D.present ? null : s.present ? '1' : '0'),
  },
  {
    key: 'quiz',
    setting: 'quiz',
    read: (v, s) => void (s.quiz = oneOf<QuizMode>(v, 'quiz', QUIZ_MODES)),
    write: (s) => (s.quiz === D.quiz ? null : s.quiz),
  },
];

const KNOWN = KEYS.map((k) => k.key).join(', ');

/** The settings of a query string: every good key read, every bad one named and left at its default. */
export function settingsFromUrl(search: string): UrlReading {
  const q = new URLSearchParams(search);
  const s: Mutable = { ...DEFAULT_SETTINGS };
  const errors: string[] = [];
  for (const [key, v] of q) {
    const k = KEYS.find((x) => x.key === key);
    if (!k) {
      errors.push(`${key}: unknown setting (known: ${KNOWN})`);
      continue;
    }
    const before = { ...s };
    try {
      k.read(v, s);
    } catch (e) {
      Object.assign(s, before);
      errors.push((e as Error).message);
    }
  }
  return { settings: s, errors };
}

/**
 * A refusal of the worker that names a setting a link sets ("classes: class 12 is not in [0, 10)",
 * "baselines[1]: ..."): the same line under the link's key ("cls: class 12 ..."), and the setting
 * put back to its default. Null when the refusal names no such setting (a file, the engine).
 */
export function refusedUrlSetting(
  message: string,
  s: StudioSettings,
): { readonly error: string; readonly settings: StudioSettings } | null {
  const m = /^([A-Za-z]+)(?:\[\d+\])?: /.exec(message);
  const k = m ? KEYS.find((x) => x.setting === m[1] || x.key === m[1]) : undefined;
  if (!m || !k) return null;
  return {
    error: `${k.key}: ${message.slice(m[1].length).replace(/^(?:\[\d+\])?: /, '')}`,
    settings: { ...s, [k.setting]: DEFAULT_SETTINGS[k.setting] },
  };
}

/** The query string of `s` (without "?"): only what differs from the defaults, in a fixed order. */
export function settingsToUrl(s: StudioSettings): string {
  const q = new URLSearchParams();
  for (const k of KEYS) {
    const v = k.write(s);
    if (v !== null) q.set(k.key, v);
  }
  return q.toString().replace(/%2C/g, ',');
}

/** The settings that change what the session computes (a change reopens it); the rest is view only. */
export function sessionSettings(s: StudioSettings): SessionSettings {
  const { dataset, split, resize, runs, seed, baselines, classes, shuffle, project, stream, order, fresh } = s;
  return { dataset, split, resize, runs, seed, baselines, classes, shuffle, project, stream, order, fresh };
}
