// The file of a learned learner without variable sharing (Meta RNN, Hebbian, FWMemory; src/model/
// learners): its kind's format name, the shape it was built for, its spec and its parameters as
// named float32 blocks in base64 (little-endian), one per block of the kind's layout:
//   {"format":"vsml-meta-rnn","version":1,"shape":{"inputSize":784,"numClasses":62},
//    "spec":{"hidden":128,"microTicks":2,"tanhBound":100},
//    "params":{"lstmW":{"rows":1036,"cols":512,"f32":"..."},"lstmB":{...},...}}
// `spec` may be partial (the kind's defaults fill it); files are written with every field.
import { LEARNED_KINDS, type LearnedKind, type LearnedLayout, type LearnedShape } from '../learners/learned';
import { learnedKindDef, learnedKindOfFormat, LEARNED_FORMATS, type LearnedKindEntry } from '../learners/kinds';
import { specDefaults, type LearnedSpecProp, type LearnedSpecValues } from '../learners/learnedSpec';
import { formatFieldError, type Result } from '../result';
import { bytesToF32, decodeBase64, f32ToBase64 } from './base64';
import {
  checkKeys,
  failAt,
  fieldPath,
  indexPath,
  parseWith,
  readInt,
  readObject,
  show,
  stringifyDoc,
  unwrap,
} from './json';
import { envelope, restore } from './restore';

export const LEARNED_LEARNER_VERSION = 1;

export interface LearnedLearner {
  readonly kind: LearnedKind;
  readonly shape: LearnedShape;
  /** Every field of the kind's spec table. */
  readonly spec: LearnedSpecValues;
  /** [P] in the order of the kind's layout for shape and spec. */
  readonly params: Float32Array;
}

/** The largest inputSize and numClasses a file may name. */
const MAX_SIZE = 1 << 20;

/** Who a format string belongs to, for messages: 'a meta-rnn learner', 'a VSML learner'. */
function formatOwner(format: unknown): string | null {
  if (format === 'vsml-learner') return 'a VSML learner';
  const kind = learnedKindOfFormat(format);
  return kind ? `a ${kind} learner` : null;
}

function checkFormat(format: unknown, expected: LearnedKind | undefined): LearnedKind {
  if (format === undefined) failAt('missing', 'format', `missing (expected ${expectedFormats(expected)})`);
  const kind = learnedKindOfFormat(format);
  if (kind && (expected === undefined || kind === expected)) return kind;
  const owner = formatOwner(format);
  failAt('format', 'format', `expected ${expectedFormats(expected)}, got ${show(format)}${owner ? ` (${owner})` : ''}`);
}

const expectedFormats = (expected: LearnedKind | undefined): string =>
  expected
    ? `"${LEARNED_FORMATS[expected]}" (a ${expected} learner)`
    : `one of ${LEARNED_KINDS.map((k) => `"${LEARNED_FORMATS[k]}"`).join(', ')} (a learned learner)`;

/**
 * Validate a parsed learned-learner document. With `expected`, only that kind's format is taken;
 * without, any learned kind's. Errors name the field: the format, a spec field, a block's rows or
 * cols, a block's base64 length, or the index of a non-finite number in a block.
 */
export function parseLearnedLearner(raw: unknown, expected?: LearnedKind): Result<LearnedLearner> {
  return parseWith(() => {
    const kind = checkFormat(readObject(raw, '').format, expected);
    const def = unwrap(learnedKindDef(kind, 'format'));
    const doc = restore(raw, { format: def.format, version: LEARNED_LEARNER_VERSION });
    checkKeys(doc, '', ['format', 'version', 'shape', 'spec', 'params']);
    const shape = readLearnedShape(doc.shape);
    const spec = readLearnedSpec(doc.spec, def.specProps);
    const layout = def.layoutOf(shape, spec);
    return { kind, shape, spec, params: readParams(doc.params, layout) };
  });
}

/** A learner's shape at `path` (inside parseWith): inputSize and numClasses, each in [1, 2^20]. */
export function readLearnedShape(v: unknown, path = 'shape'): LearnedShape {
  const o = readObject(v, path);
  checkKeys(o, path, ['inputSize', 'numClasses']);
  return {
    inputSize: readInt(o.inputSize, fieldPath(path, 'inputSize'), 1, MAX_SIZE),
    numClasses: readInt(o.numClasses, fieldPath(path, 'numClasses'), 1, MAX_SIZE),
  };
}

/** A spec at `path` read through a kind's table (inside parseWith): absent fields take the defaults. */
export function readLearnedSpec(v: unknown, props: readonly LearnedSpecProp[], path = 'spec'): LearnedSpecValues {
  const o = readObject(v, path);
  checkKeys(
    o,
    path,
    [],
    props.map((p) => p.name),
  );
  const out: Record<string, number | boolean> = { ...specDefaults(props) };
  for (const p of props) {
    const x = o[p.name];
    if (x === undefined) continue;
    const at = fieldPath(path, p.name);
    if (p.kind === 'boolean') {
      if (typeof x !== 'boolean') failAt('type', at, `must be true or false, got ${show(x)}`);
    } else {
      const range = `[${p.min ?? '-Infinity'}, ${p.max ?? 'Infinity'}]`;
      const what = p.kind === 'int' ? 'an integer' : 'a number';
      const bad =
        typeof x !== 'number' ||
        !Number.isFinite(x) ||
        (p.kind === 'int' && !Number.isInteger(x)) ||
        (p.min !== undefined && x < p.min) ||
        (p.max !== undefined && x > p.max);
      if (bad) failAt('range', at, `must be ${what} in ${range}, got ${show(x)}`);
    }
    out[p.name] = x as number | boolean;
  }
  return out;
}

function readParams(v: unknown, layout: LearnedLayout): Float32Array {
  const o = readObject(v, 'params');
  checkKeys(
    o,
    'params',
    layout.blocks.map((b) => b.name),
  );
  const out = new Float32Array(layout.size);
  for (const b of layout.blocks) {
    const path = fieldPath('params', b.name);
    const blk = readObject(o[b.name], path);
    checkKeys(blk, path, ['rows', 'cols', 'f32']);
    for (const [key, want] of [
      ['rows', b.rows],
      ['cols', b.cols],
    ] as const) {
      const got = blk[key];
      if (got !== want)
        failAt(
          'shape',
          fieldPath(path, key),
          `expected ${want} (${b.name} is ${b.rows} x ${b.cols} for this shape and spec), got ${show(got)}`,
        );
    }
    const text = blk.f32;
    const f32Path = fieldPath(path, 'f32');
    if (typeof text !== 'string') failAt('type', f32Path, `must be a base64 string, got ${show(text)}`);
    const bytes = decodeBase64(text);
    if (!bytes.ok) failAt('base64', f32Path, bytes.error.message);
    const n = b.rows * b.cols;
    if (bytes.value.length !== 4 * n) {
      failAt('shape', f32Path, `expected ${4 * n} bytes (${b.rows} x ${b.cols} float32), got ${bytes.value.length}`);
    }
    bytesToF32(bytes.value, out, b.offset);
    for (let i = 0; i < n; i++) {
      const x = out[b.offset + i];
      if (!Number.isFinite(x))
        failAt(
          'nan',
          indexPath(f32Path, i),
          `must be finite, got ${x} (row ${Math.floor(i / b.cols)}, col ${i % b.cols})`,
        );
    }
  }
  return out;
}

/** The document of a learner: every spec field (defaults filled, in table order), each block as base64. */
export function learnedLearnerToJson(l: LearnedLearner): Record<string, unknown> {
  const found = learnedKindDef(l.kind);
  if (!found.ok) throw new Error(formatFieldError(found.error));
  const def: LearnedKindEntry = found.value;
  const spec: Record<string, number | boolean> = {};
  for (const p of def.specProps) spec[p.name] = l.spec[p.name] ?? p.default;
  const layout = def.layoutOf(l.shape, spec);
  if (l.params.length !== layout.size)
    throw new Error(`${def.kind}: params: expected ${layout.size} values, got ${l.params.length}`);
  return {
    ...envelope({ format: def.format, version: LEARNED_LEARNER_VERSION }),
    shape: { inputSize: l.shape.inputSize, numClasses: l.shape.numClasses },
    spec,
    params: Object.fromEntries(
      layout.blocks.map((b) => [
        b.name,
        { rows: b.rows, cols: b.cols, f32: f32ToBase64(l.params, b.offset, b.offset + b.rows * b.cols) },
      ]),
    ),
  };
}

export const serialiseLearnedLearner = (l: LearnedLearner): string => `${stringifyDoc(learnedLearnerToJson(l))}\n`;
