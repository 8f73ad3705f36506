// The --transform flag: a comma-separated list of task transforms, each `name` or `name:value`,
// applied in the official order whatever the order written (src/data/pipeline.ts):
//   project:SEED    a fixed random Glorot-uniform projection of the inputs, drawn from SEED
//   shuffle:SEED    a fixed random permutation of the inputs, drawn from SEED
//   resize:N        bilinear resize to N x N (resize:none keeps a dataset's own size, e.g. Omniglot)
//   classes:A.B.C   keep classes A, B, C (dot-separated), relabelled 0, 1, 2
//   gray            RGB to one channel (CIFAR-10)
//   upright         EMNIST images transposed to upright (default: as stored, like the official code)
// e.g. --transform project:7,resize:14,classes:5.8.1.4.2
import type { TaskSpec } from '../data/task';
import { fail, ok, type Result } from '../model/result';

export interface TransformChoice {
  /** The TaskSpec fields the transforms set (the task seed included when project/shuffle name one). */
  readonly task: Omit<TaskSpec, 'normalisation'>;
  /** EMNIST: load upright (a load option, not a task transform). */
  readonly upright: boolean;
  /** The transforms written back in a canonical order, for the evaluation file; '' when none. */
  readonly text: string;
}

export const TRANSFORM_SYNTAX = 'project:SEED, shuffle:SEED, resize:N|none, classes:A.B.C, gray, upright';

const UINT = /^\d+$/;
const ORDER = ['classes', 'gray', 'resize', 'shuffle', 'project', 'upright'];

const bad = (message: string): Result<never> => fail('usage', '--transform', message);

function seedOf(name: string, value: string | undefined): Result<number> {
  const n = value !== undefined && UINT.test(value) ? Number(value) : NaN;
  if (!(n <= 0xffffffff))
    return bad(`${name} needs a seed, an integer in [0, 4294967295]: ${name}:SEED, got ${JSON.stringify(value ?? '')}`);
  return ok(n);
}

export function parseTransform(text: string | undefined): Result<TransformChoice> {
  if (text === undefined || text === '') return ok({ task: {}, upright: false, text: '' });
  const task: { -readonly [K in keyof TransformChoice['task']]: TransformChoice['task'][K] } = {};
  let upright = false;
  const seen = new Map<string, string>();
  for (const item of text.split(',')) {
    const colon = item.indexOf(':');
    const name = colon < 0 ? item : item.slice(0, colon);
    const value = colon < 0 ? undefined : item.slice(colon + 1);
    if (seen.has(name)) return bad(`${name} given twice`);
    seen.set(name, item);
    const noValue = (): Result<true> =>
      value === undefined ? ok(true) : bad(`${name} takes no value, got ${JSON.stringify(item)}`);
    switch (name) {
      case 'project':
      case 'shuffle': {
        const seed = seedOf(name, value);
        if (!seed.ok) return seed;
        if (task.seed !== undefined && task.seed !== seed.value)
          return bad(`project and shuffle name different seeds (${task.seed}, ${seed.value}); a task has one seed`);
        task.seed = seed.value;
        if (name === 'project') task.project = true;
        else task.shufflePixels = true;
        break;
      }
      case 'resize': {
        if (value === 'none') task.resize = null;
        else if (value !== undefined && UINT.test(value) && Number(value) >= 1) task.resize = Number(value);
        else
          return bad(
            `resize needs a side: resize:N with N a positive integer, or resize:none, got ${JSON.stringify(item)}`,
          );
        break;
      }
      case 'classes': {
        const parts = value === undefined || value === '' ? [] : value.split('.');
        if (parts.length < 2 || !parts.every((p) => UINT.test(p))) {
          return bad(
            `classes needs at least two class indices joined by dots, e.g. classes:5.8.1, got ${JSON.stringify(item)}`,
          );
        }
        task.classes = parts.map(Number);
        break;
      }
      case 'gray': {
        const r = noValue();
        if (!r.ok) return r;
        task.grayscale = true;
        break;
      }
      case 'upright': {
        const r = noValue();
        if (!r.ok) return r;
        upright = true;
        break;
      }
      default:
        return bad(`unknown transform ${JSON.stringify(name)} (known: ${TRANSFORM_SYNTAX})`);
    }
  }
  const canonical = ORDER.filter((n) => seen.has(n)).map((n) => seen.get(n));
  return ok({ task, upright, text: canonical.join(',') });
}
