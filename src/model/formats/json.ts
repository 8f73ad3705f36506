// Small typed readers for JSON documents. Each reader checks one value and names its field path
// ("params.lstm.w[3]") in the error. Readers signal a bad value by throwing a private
// `FieldFailure`; `parseWith` is the boundary that turns it back into a `Result`, so the public
// parsers of every format return errors as values and never throw.
import { errorMessage, fail, ok, type FieldError, type Result } from '../result';

class FieldFailure extends Error {
  constructor(readonly error: FieldError) {
    super(error.message);
  }
}

/** Stop the current `parseWith` with an error at `field`. */
export function failAt(code: string, field: string, message: string): never {
  throw new FieldFailure({ code, field, message });
}

/** Run readers; a failure anywhere inside becomes `{ ok: false, error }`. Other exceptions pass through. */
export function parseWith<T>(read: () => T): Result<T> {
  try {
    return ok(read());
  } catch (e) {
    if (e instanceof FieldFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** The value of a Result, or a failure of the surrounding `parseWith` (e.g. for `parseConfig`). */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new FieldFailure(r.error);
  return r.value;
}

/** JSON text to a value; a syntax error is reported with an empty field path. */
export function parseJsonText(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return fail('json', '', `invalid JSON: ${errorMessage(e)}`);
  }
}

export const fieldPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);
export const indexPath = (path: string, i: number): string => `${path}[${i}]`;

/**
 * A short rendering of a bad value for messages: JSON, cut to 40 characters. A non-finite number
 * is named as such (JSON.parse reads 1e400 as Infinity, which JSON would print as null).
 */
export function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v))
    return Number.isNaN(v) ? 'NaN' : `${v} (beyond the float64 range ±1.8e308)`;
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v !== null && typeof v === 'object') return 'an object';
  const s = v === undefined ? 'nothing' : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

export function readObject(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    failAt('type', path, `must be an object, got ${show(v)}`);
  return v as Record<string, unknown>;
}

/**
 * Check an object's keys: every `required` key present, no key outside `required` and `optional`.
 * Unknown keys are errors so that a typo ("parms") is never silently dropped.
 */
export function checkKeys(
  o: Record<string, unknown>,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): void {
  for (const k of required) if (o[k] === undefined) failAt('missing', fieldPath(path, k), 'missing');
  const known = new Set([...required, ...optional]);
  for (const k of Object.keys(o)) {
    if (!known.has(k)) failAt('unknown', fieldPath(path, k), `unknown field (known: ${[...known].join(', ')})`);
  }
}

export function readArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) failAt('type', path, `must be an array, got ${show(v)}`);
  return v;
}

/** An array of exactly `length` entries; `what` names them in the message ("numbers", "rows"). */
export function readArrayOf(v: unknown, path: string, length: number, what: string): unknown[] {
  const a = readArray(v, path);
  if (a.length !== length) failAt('shape', path, `expected ${length} ${what}, got ${a.length}`);
  return a;
}

export function readInt(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    failAt('range', path, `must be an integer in [${min}, ${max}], got ${show(v)}`);
  }
  return v;
}

export function readBoolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') failAt('type', path, `must be true or false, got ${show(v)}`);
  return v;
}

/** A finite number that is also finite as a float32 (|v| <= 3.4e38). */
export function readF32(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) failAt('nan', path, `must be a finite number, got ${show(v)}`);
  const f = Math.fround(v);
  if (!Number.isFinite(f)) failAt('range', path, `must be within the float32 range ±3.4028235e38, got ${v}`);
  return f;
}

/** `length` float32 values into `out` at `offset`. */
export function readF32Vector(v: unknown, path: string, length: number, out: Float32Array, offset = 0): void {
  const a = readArrayOf(v, path, length, 'numbers');
  for (let i = 0; i < length; i++) out[offset + i] = readF32(a[i], indexPath(path, i));
}

/** A matrix as an array of `rows` rows of `cols` numbers, row-major into `out` at `offset`. */
export function readF32Matrix(
  v: unknown,
  path: string,
  rows: number,
  cols: number,
  out: Float32Array,
  offset = 0,
): void {
  const a = readArrayOf(v, path, rows, 'rows');
  for (let r = 0; r < rows; r++) readF32Vector(a[r], indexPath(path, r), cols, out, offset + r * cols);
}

/**
 * The shortest decimal that reads back as the same float32 (at most 9 significant digits), so
 * files stay small and every value round-trips exactly. Non-finite values become null.
 */
export function f32ToJson(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const f = Math.fround(x);
  for (let p = 1; p < 9; p++) {
    const d = Number(f.toPrecision(p));
    if (Math.fround(d) === f) return d;
  }
  return Number(f.toPrecision(9));
}

export const f32Row = (a: ArrayLike<number>, start = 0, end = a.length): (number | null)[] => {
  const out: (number | null)[] = [];
  for (let i = start; i < end; i++) out.push(f32ToJson(a[i]));
  return out;
};

export const f32Rows = (a: ArrayLike<number>, rows: number, cols: number, offset = 0): (number | null)[][] =>
  Array.from({ length: rows }, (_, r) => f32Row(a, offset + r * cols, offset + (r + 1) * cols));

/**
 * JSON for files people read and diff: objects one key per line; arrays of plain values on one
 * line; arrays of arrays or objects one entry per line.
 */
export function stringifyDoc(v: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((e) => e === null || typeof e !== 'object')) return JSON.stringify(v);
    return `[\n${v.map((e) => inner + stringifyDoc(e, inner)).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, e]) => e !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, e]) => `${inner}${JSON.stringify(k)}: ${stringifyDoc(e, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
