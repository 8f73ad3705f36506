// Dataset references in a meta-config document ("mnist", or {"name", "files", ...}) and the files from
// the user's disk they name. A file is named by its file name; the page sends the bytes of every named
// file it holds with start() / resume(). Pure (no DOM).
import { getAt, type Doc } from './configDoc';

export type FileRoles = { readonly [role: string]: string };

/** The dataset a reference names ("" when it names none). */
export function refName(ref: unknown): string {
  if (typeof ref === 'string') return ref;
  if (ref !== null && typeof ref === 'object' && typeof (ref as { name?: unknown }).name === 'string')
    return (ref as { name: string }).name;
  return '';
}

/** The files a reference names, by role. */
export function refFiles(ref: unknown): FileRoles {
  if (ref === null || typeof ref !== 'object') return {};
  const files = (ref as { files?: unknown }).files;
  if (files === null || typeof files !== 'object') return {};
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The reference to `name`: its files kept for the roles it accepts (`roles`), other options (normalize,
 * upright) dropped; the bare name when no file is left.
 */
export function withRefName(name: string, roles: readonly string[], previous: unknown): unknown {
  const kept = Object.entries(refFiles(previous)).filter(([role]) => roles.includes(role));
  return kept.length === 0 ? name : { name, files: Object.fromEntries(kept) };
}

/** The reference with `fileName` as its file of `role` (other options kept). */
export function withRefFile(ref: unknown, role: string, fileName: string): unknown {
  const base = ref !== null && typeof ref === 'object' ? (ref as Record<string, unknown>) : { name: refName(ref) };
  return { ...base, files: { ...refFiles(ref), [role]: fileName } };
}

/**
 * A held-out evaluation entry with `key` set to `value` (undefined removes it). A name that is the
 * worker's default ("<dataset>/<split>" plus transforms, written out in a preset's full form) is dropped
 * when the dataset or a transform changes, so the worker names the new evaluation; a name of the user's
 * own is kept.
 */
export function withEvalField(entry: unknown, key: string, value: unknown): Record<string, unknown> {
  const base: Record<string, unknown> =
    entry !== null && typeof entry === 'object' ? { ...(entry as Record<string, unknown>) } : {};
  const auto = typeof base.name === 'string' && base.name.startsWith(`${refName(base.dataset)}/`);
  if (value === undefined) delete base[key];
  else base[key] = value;
  if (auto && key !== 'name') delete base.name;
  return base;
}

export interface FileUse {
  /** Where the document names it, e.g. "tasks.datasets[1].files.images". */
  readonly path: string;
  readonly name: string;
}

/** Every file the document names: each task dataset's and evaluation dataset's files, and `init`. */
export function referencedFiles(doc: Doc): FileUse[] {
  const out: FileUse[] = [];
  const add = (ref: unknown, at: string) => {
    for (const [role, name] of Object.entries(refFiles(ref))) out.push({ path: `${at}.files.${role}`, name });
  };
  const tasks = getAt(doc, 'tasks.datasets');
  if (Array.isArray(tasks)) tasks.forEach((ref, i) => add(ref, `tasks.datasets[${i}]`));
  const evals = getAt(doc, 'evaluation.datasets');
  if (Array.isArray(evals)) evals.forEach((e, i) => add(getAt(e, 'dataset'), `evaluation.datasets[${i}].dataset`));
  const init = getAt(doc, 'init');
  if (typeof init === 'string' && init !== '') out.push({ path: 'init', name: init });
  return out;
}

/** The named files not among `loaded` (first use of each name). */
export function missingFiles(doc: Doc, loaded: ReadonlySet<string>): FileUse[] {
  const seen = new Set<string>();
  return referencedFiles(doc).filter((u) => {
    if (loaded.has(u.name) || seen.has(u.name)) return false;
    seen.add(u.name);
    return true;
  });
}
