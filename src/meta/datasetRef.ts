// Which dataset a meta-training task or a held-out evaluation reads: a registry name, the files it
// needs (idx / cifar presets), and optional load options. Opening it is the caller's job (the
// trainer's injected DataProvider), so this module stays free of file IO.
//   "mnist"                                                   (shorthand: a name alone)
//   {"name": "fashion-mnist", "files": {"images": "...", "labels": "..."}, "normalize": "mnist"}
import { DATASET_NAMES, DATASETS, type DatasetName, type FileRole } from '../data/registry';
import type { Normalisation } from '../data/types';
import { checkKeys, failAt, fieldPath, readBoolean, readObject, show } from '../model/formats/json';

export const FILE_ROLES: readonly FileRole[] = ['images', 'labels', 'records', 'mapping', 'classes'];

export interface DatasetRef {
  readonly name: DatasetName;
  /** Paths (or names the provider understands) by file role. */
  readonly files?: { readonly [R in FileRole]?: string };
  /** undefined: the dataset's statistics; null: none; else x -> (x/255 - mean)/std. */
  readonly normalisation?: Normalisation | null;
  /** EMNIST: transpose to upright (default: as stored, like the official code). */
  readonly upright?: boolean;
}

function readNormalize(v: unknown, path: string): Normalisation | null {
  if (v === 'none') return null;
  if (typeof v === 'string') {
    const info = (DATASETS as Record<string, (typeof DATASETS)[DatasetName] | undefined>)[v];
    if (!info?.normalisation) {
      const named = DATASET_NAMES.filter((n) => DATASETS[n].normalisation);
      failAt('range', path, `must be "none", {"mean": M, "std": S} or one of ${named.join(', ')}, got ${show(v)}`);
    }
    return info.normalisation;
  }
  const o = readObject(v, path);
  checkKeys(o, path, ['mean', 'std']);
  const { mean, std } = o;
  if (typeof mean !== 'number' || !Number.isFinite(mean))
    failAt('type', fieldPath(path, 'mean'), `must be a finite number, got ${show(mean)}`);
  if (typeof std !== 'number' || !Number.isFinite(std) || std <= 0)
    failAt('range', fieldPath(path, 'std'), `must be a finite number > 0, got ${show(std)}`);
  return { mean, std };
}

/** Read a dataset reference (a name, or an object); throws through failAt (call inside parseWith). */
export function readDatasetRef(v: unknown, path: string): DatasetRef {
  const isName = (n: unknown): n is DatasetName =>
    typeof n === 'string' && (DATASET_NAMES as readonly string[]).includes(n);
  const raw = typeof v === 'string' ? { name: v } : readObject(v, path);
  const namePath = typeof v === 'string' ? path : fieldPath(path, 'name');
  checkKeys(raw, path, ['name'], ['files', 'normalize', 'upright']);
  if (!isName(raw.name))
    failAt('range', namePath, `unknown dataset ${show(raw.name)} (known: ${DATASET_NAMES.join(', ')})`);
  const info = DATASETS[raw.name];
  const roles = [...info.files.required, ...info.files.optional];
  const files: { [R in FileRole]?: string } = {};
  if (raw.files !== undefined) {
    const fp = fieldPath(path, 'files');
    const f = readObject(raw.files, fp);
    checkKeys(f, fp, [], roles);
    for (const role of roles) {
      const p = f[role];
      if (p === undefined) continue;
      if (typeof p !== 'string' || p === '') failAt('type', fieldPath(fp, role), `must be a file path, got ${show(p)}`);
      files[role] = p;
    }
  }
  for (const role of info.files.required) {
    if (files[role] === undefined)
      failAt('missing', fieldPath(fieldPath(path, 'files'), role), `${info.name} needs an ${role} file`);
  }
  const out: { -readonly [K in keyof DatasetRef]: DatasetRef[K] } = { name: raw.name };
  if (Object.keys(files).length > 0) out.files = files;
  if (raw.normalize !== undefined) {
    if (info.kind === 'synthetic')
      failAt('range', fieldPath(path, 'normalize'), `${info.name} is synthetic and not normalised`);
    out.normalisation = readNormalize(raw.normalize, fieldPath(path, 'normalize'));
  }
  if (raw.upright !== undefined) {
    const up = readBoolean(raw.upright, fieldPath(path, 'upright'));
    if (up && !info.storedTransposed)
      failAt('range', fieldPath(path, 'upright'), `upright is for EMNIST, not ${info.name}`);
    if (up) out.upright = true;
  }
  return out;
}

/** The reference as JSON: the bare name when nothing else is set. */
export function datasetRefToJson(ref: DatasetRef): unknown {
  if (!ref.files && ref.normalisation === undefined && !ref.upright) return ref.name;
  return {
    name: ref.name,
    ...(ref.files ? { files: { ...ref.files } } : {}),
    ...(ref.normalisation !== undefined
      ? { normalize: ref.normalisation === null ? 'none' : { ...ref.normalisation } }
      : {}),
    ...(ref.upright ? { upright: true } : {}),
  };
}

/** Apply `f` to every file path of the reference (e.g. to resolve relative paths). */
export function mapRefFiles(ref: DatasetRef, f: (path: string) => string): DatasetRef {
  if (!ref.files) return ref;
  return { ...ref, files: Object.fromEntries(Object.entries(ref.files).map(([role, p]) => [role, f(p as string)])) };
}
