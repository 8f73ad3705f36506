import { errorMessage } from '../../model/result';
// Editing a vsml-meta-config document as plain JSON: read and write a field by its path (the paths
// check() names, "tasks.classes[0][1]"), and the lenient text <-> value conversions of the form. The
// form never validates: what the user typed goes into the document as it reads (a number, null, or the
// text itself) and the worker's check() names the field and the reason. Pure (no DOM).

export type Doc = Readonly<Record<string, unknown>>;
export type PathSegment = string | number;

/** "tasks.datasets[0].files.images" -> ["tasks", "datasets", 0, "files", "images"]. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`parsePath: bad path "${path}"`);
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const seg of parsePath(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

/**
 * A copy of `doc` with `value` at `path` (objects and arrays on the way copied, missing ones created);
 * `undefined` removes the key. The input is not touched.
 */
export function setAt(doc: Doc, path: string, value: unknown): Doc {
  const segs = parsePath(path);
  const write = (node: unknown, i: number): unknown => {
    const seg = segs[i];
    const base: Record<PathSegment, unknown> | unknown[] = Array.isArray(node)
      ? [...node]
      : node !== null && typeof node === 'object'
        ? { ...(node as object) }
        : typeof seg === 'number'
          ? []
          : {};
    const rec = base as Record<PathSegment, unknown>;
    if (i === segs.length - 1) {
      if (value === undefined && !Array.isArray(base)) delete rec[seg];
      else rec[seg] = value;
    } else {
      rec[seg] = write(rec[seg], i + 1);
    }
    return base;
  };
  return write(doc, 0) as Doc;
}

/** A number when the text is one ("0.05", "1e-3"); the trimmed text itself otherwise (check() names it). */
export function numberFromText(text: string): number | string {
  const t = text.trim();
  if (t !== '' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  return t;
}

/** The text of a scalar field: numbers and strings as they are, anything else as JSON. */
export function valueToText(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

const NULL_WORDS = new Set(['none', 'null', 'as-stored', 'stored', 'all']);
const tokens = (text: string): string[] => text.split(/[\s,]+/).filter((t) => t !== '');

/** One token of a list: null for "none"/"all" (and the like), a number when it is one, else the text. */
function tokenValue(t: string): number | string | null {
  return NULL_WORDS.has(t.toLowerCase()) ? null : numberFromText(t);
}

/** Resize sides: [null, 14] -> "none, 14". */
export function sidesToText(v: unknown): string {
  return Array.isArray(v) ? v.map((s) => (s === null ? 'none' : valueToText(s))).join(', ') : valueToText(v);
}

/** "none, 14 32" -> [null, 14, 32]; blank -> [] (check() says a list needs an entry). */
export function sidesFromText(text: string): (number | string | null)[] {
  return tokens(text).map(tokenValue);
}

/** One resize side (an evaluation's): null -> "", else the number. */
export function sideToText(v: unknown): string {
  return v === null || v === undefined ? '' : valueToText(v);
}

/** "" or "none" -> null; "7" -> 7; anything else as text. */
export function sideFromText(text: string): number | string | null {
  const t = text.trim();
  return t === '' ? null : tokenValue(t);
}

/** One class list (an evaluation's): null -> "", [0, 1, 2] -> "0,1,2". */
export function classesToText(v: unknown): string {
  return v === null || v === undefined ? '' : Array.isArray(v) ? v.map(valueToText).join(',') : valueToText(v);
}

/** "" or "all" -> null; "0, 1 2" -> [0, 1, 2]; a token that is not a number stays text. */
export function classesFromText(text: string): (number | string)[] | null {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'all') return null;
  return tokens(t).map(numberFromText);
}

/** The task axis of class subsets: [[0, 1, 2], null] -> "0,1,2; all". */
export function classSubsetsToText(v: unknown): string {
  return Array.isArray(v) ? v.map((c) => (c === null ? 'all' : classesToText(c))).join('; ') : valueToText(v);
}

/** "0,1,2; all" -> [[0, 1, 2], null]; blank -> [null] (every class). */
export function classSubsetsFromText(text: string): ((number | string)[] | null)[] {
  if (text.trim() === '') return [null];
  return text.split(';').map((part) => classesFromText(part));
}

/** The projection axis as two switches: [false, true] -> both; [true] -> projected only. */
export function projectFlags(v: unknown): { raw: boolean; projected: boolean } {
  const list = Array.isArray(v) ? v : [];
  return { raw: list.includes(false), projected: list.includes(true) };
}

/** Two switches back to the axis, raw first: neither gives [] (check() refuses an empty axis). */
export function projectFromFlags(raw: boolean, projected: boolean): boolean[] {
  return [...(raw ? [false] : []), ...(projected ? [true] : [])];
}

/** A pretty JSON text of the document (the collapsible textarea). */
export function docToJson(doc: Doc): string {
  return JSON.stringify(doc, null, 2);
}

/** The textarea's text back to a document: an object, or the reason it is not one. */
export function docFromJson(text: string): { ok: true; doc: Doc } | { ok: false; message: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON: ${errorMessage(e)}` };
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return { ok: false, message: 'must be a JSON object ({"format": "vsml-meta-config", ...})' };
  return { ok: true, doc: v as Doc };
}
