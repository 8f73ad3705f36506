// The studio's settings in the page URL, so a lecturer can share a view as a link: every session
// setting has a short query key, a default (left out of the URL) and a check whose message names the
// key. Reading a URL never throws: the first bad key comes back as an error beside the defaults.
import { BASELINE_NAMES, type BaselineName } from '../../model/baselines/kinds';
import { SESSION_DATASETS } from '../../worker/catalog';
import type { SessionSettings } from '../../worker/sessionApi';

export interface StudioSettings extends SessionSettings {
  /** Shipped learner id (public/learners/<id>.learner.json). */
  readonly learner: string;
}

export const DEFAULT_SETTINGS: StudioSettings = {
  learner: 'vsml-mnist', dataset: 'mnist', split: 'test', resize: null, runs: 8, seed: 22, baselines: ['sgd', 'adam'],
};

const MAX_RUNS = 256;
const MAX_SIDE = 512;

/** `key: reason` for the first bad key, or null. */
export interface UrlReading {
  readonly settings: StudioSettings;
  readonly error: string | null;
}

const int = (v: string, key: string, lo: number, hi: number): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < lo || n > hi) throw new Error(`${key}: must be an integer in [${lo}, ${hi}], got "${v}"`);
  return n;
};

export function settingsFromUrl(search: string): UrlReading {
  const q = new URLSearchParams(search);
  const s: { -readonly [K in keyof StudioSettings]: StudioSettings[K] } = { ...DEFAULT_SETTINGS };
  try {
    for (const [key, v] of q) {
      switch (key) {
        case 'learner':
          if (!/^[a-z0-9-]+$/.test(v)) throw new Error(`learner: must be a shipped learner id (a-z, 0-9, -), got "${v}"`);
          s.learner = v;
          break;
        case 'data':
          if (!SESSION_DATASETS.includes(v)) throw new Error(`data: unknown dataset "${v}" (known: ${SESSION_DATASETS.join(', ')})`);
          s.dataset = v;
          break;
        case 'split':
          if (v !== 'train' && v !== 'test') throw new Error(`split: must be train or test, got "${v}"`);
          s.split = v;
          break;
        case 'resize':
          s.resize = v === 'none' ? null : int(v, 'resize', 1, MAX_SIDE);
          break;
        case 'S':
          s.runs = int(v, 'S', 1, MAX_RUNS);
          break;
        case 'seed':
          s.seed = int(v, 'seed', 0, 0xffffffff);
          break;
        case 'base': {
          const names = v === '' ? [] : v.split(',');
          const bad = names.find((n) => !(BASELINE_NAMES as readonly string[]).includes(n));
          if (bad !== undefined) throw new Error(`base: unknown baseline "${bad}" (known: ${BASELINE_NAMES.join(', ')})`);
          s.baselines = names as BaselineName[];
          break;
        }
        default:
          throw new Error(`${key}: unknown setting (known: learner, data, split, resize, S, seed, base)`);
      }
    }
  } catch (e) {
    return { settings: DEFAULT_SETTINGS, error: (e as Error).message };
  }
  return { settings: s, error: null };
}

/** The query string of `s` (without "?"): only what differs from the defaults, in a fixed order. */
export function settingsToUrl(s: StudioSettings): string {
  const d = DEFAULT_SETTINGS;
  const q = new URLSearchParams();
  if (s.learner !== d.learner) q.set('learner', s.learner);
  if (s.dataset !== d.dataset) q.set('data', s.dataset);
  if (s.split !== d.split) q.set('split', s.split);
  if (s.resize !== d.resize) q.set('resize', s.resize === null ? 'none' : String(s.resize));
  if (s.runs !== d.runs) q.set('S', String(s.runs));
  if (s.seed !== d.seed) q.set('seed', String(s.seed));
  if (s.baselines.join(',') !== d.baselines.join(',')) q.set('base', s.baselines.join(','));
  return q.toString();
}
