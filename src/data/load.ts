// User-supplied files to an ImageSet, for the registry's idx and cifar presets: decompress, parse,
// check the shape, the counts and every label against the declared classes.
import { fail, ok, type Result } from '../model/result';
import { readCifar10 } from './cifar';
import { parseClassNameFile } from './classNameFile';
import { numberedNames } from './classNames';
import { parseEmnistMapping } from './emnistMapping';
import { readIdxImages, readIdxLabels } from './idx';
import { MAX_DATA_BYTES } from '../model/formats/fileLimits';
import { fashionMnistNormalisation, type FashionMnistStats } from './normalisation';
import type { DatasetInfo, FileRole } from './registry';
import { transposeImages } from './transforms/transpose';
import {
  formatShape,
  type FileInput,
  type ImageSet,
  type ImageShape,
  type Normalisation,
  type SplitName,
} from './types';

export type DatasetFiles = { readonly [R in FileRole]?: FileInput };

export interface LoadOptions {
  /** Names the set ("fashion-mnist/test"); file presets load whatever files they are given. Default 'test'. */
  readonly split?: SplitName;
  /** Largest file and decompressed content accepted (default MAX_DATA_BYTES, 256 MiB). */
  readonly maxBytes?: number;
  /** EMNIST: transpose to upright (default false: as stored, like the official code). */
  readonly upright?: boolean;
  /** Fashion-MNIST: its true statistics (default) or MNIST's (as the official code). */
  readonly fashionMnistStats?: FashionMnistStats;
  /** Override the preset's normalisation (null: none). */
  readonly normalisation?: Normalisation | null;
  /** Override the declared class count (a generic IDX pair with other than 10 classes). */
  readonly numClasses?: number;
  /** Override the class names (length K). */
  readonly classNames?: readonly string[];
}

const text = (f: FileInput): string => new TextDecoder().decode(f.bytes);

function need(info: DatasetInfo, files: DatasetFiles, role: FileRole): Result<FileInput> {
  const f = files[role];
  return f ? ok(f) : fail('missing', role, `no file given; ${info.name} needs ${info.files.required.join(' and ')}`);
}

/** K and the class names from the preset, the optional mapping/classes file and the options. */
function classesOf(
  info: DatasetInfo,
  files: DatasetFiles,
  labels: Uint8Array,
  labelsName: string,
  opts: LoadOptions,
): Result<readonly string[]> {
  let names: readonly string[] | null = info.numClasses === null ? null : info.classNames;
  if (files.mapping) {
    const m = parseEmnistMapping(text(files.mapping), files.mapping.name);
    if (!m.ok) return m;
    if (
      m.value.firstLabel !== info.labelOffset ||
      (info.numClasses !== null && m.value.classNames.length !== info.numClasses)
    ) {
      return fail(
        'mismatch',
        files.mapping.name,
        `maps labels ${m.value.firstLabel}..${m.value.firstLabel + m.value.classNames.length - 1}, ` +
          `${info.name} stores ${info.labelOffset}..${info.labelOffset + (info.numClasses ?? 0) - 1}`,
      );
    }
    names = m.value.classNames;
  }
  if (files.classes) {
    const c = parseClassNameFile(text(files.classes), files.classes.name);
    if (!c.ok) return c;
    if (info.numClasses !== null && c.value.length !== info.numClasses) {
      return fail(
        'mismatch',
        files.classes.name,
        `lists ${c.value.length} classes, ${info.name} has ${info.numClasses}`,
      );
    }
    names = c.value;
  }
  if (opts.numClasses !== undefined) {
    if (!Number.isInteger(opts.numClasses) || opts.numClasses < 2)
      return fail('range', 'numClasses', `must be an integer >= 2, got ${opts.numClasses}`);
    names = numberedNames(opts.numClasses).map((n, i) => names?.[i] ?? n);
  }
  if (opts.classNames) names = opts.classNames;
  if (names === null) {
    let max = 0;
    for (const y of labels) max = Math.max(max, y - info.labelOffset);
    names = numberedNames(Math.max(max + 1, 2));
  }
  if (opts.numClasses !== undefined && names.length !== opts.numClasses) {
    return fail('mismatch', 'classNames', `${names.length} names for ${opts.numClasses} classes`);
  }
  if (names.length < 2) return fail('range', labelsName, `${info.name} needs at least 2 classes, got ${names.length}`);
  return ok(names);
}

/** Labels shifted by the preset's offset and checked against [0, K). */
function checkLabels(stored: Uint8Array, offset: number, K: number, field: string, what: string): Result<Int32Array> {
  const out = new Int32Array(stored.length);
  for (let i = 0; i < stored.length; i++) {
    const y = stored[i] - offset;
    if (y < 0 || y >= K) {
      const range = offset === 0 ? `[0, ${K})` : `[${offset}, ${K + offset - 1}] (stored with offset ${offset})`;
      return fail('range', field, `label ${stored[i]} at index ${i} is outside ${range} for ${what} (${K} classes)`);
    }
    out[i] = y;
  }
  return ok(out);
}

function normalisationOf(info: DatasetInfo, opts: LoadOptions): Normalisation | null {
  if (opts.normalisation !== undefined) return opts.normalisation;
  if (info.name === 'fashion-mnist') return fashionMnistNormalisation(opts.fashionMnistStats);
  return info.normalisation;
}

function checkShape(info: DatasetInfo, shape: ImageShape, field: string): Result<true> {
  const want = info.shape;
  if (
    info.shapeFromFile ||
    (want.height === shape.height && want.width === shape.width && want.channels === shape.channels)
  )
    return ok(true);
  return fail('shape', field, `holds ${formatShape(shape)} images, ${info.name} expects ${formatShape(want)}`);
}

/** An IDX images + labels pair (gzipped or raw) for an `idx` preset. */
export async function loadIdxFiles(
  info: DatasetInfo,
  files: DatasetFiles,
  opts: LoadOptions = {},
): Promise<Result<ImageSet>> {
  const maxBytes = opts.maxBytes ?? MAX_DATA_BYTES;
  const imagesFile = need(info, files, 'images');
  if (!imagesFile.ok) return imagesFile;
  const labelsFile = need(info, files, 'labels');
  if (!labelsFile.ok) return labelsFile;
  const [images, labels] = await Promise.all([
    readIdxImages(imagesFile.value, maxBytes),
    readIdxLabels(labelsFile.value, maxBytes),
  ]);
  if (!images.ok) return images;
  if (!labels.ok) return labels;
  const { count, rows, cols, pixels } = images.value;
  const lname = labelsFile.value.name;
  if (labels.value.length !== count) {
    return fail(
      'mismatch',
      lname,
      `has ${labels.value.length} labels, but ${imagesFile.value.name} has ${count} images`,
    );
  }
  const shape = { height: rows, width: cols, channels: 1 };
  const shaped = checkShape(info, shape, imagesFile.value.name);
  if (!shaped.ok) return shaped;
  const names = classesOf(info, files, labels.value, lname, opts);
  if (!names.ok) return names;
  const y = checkLabels(labels.value, info.labelOffset, names.value.length, lname, info.name);
  if (!y.ok) return y;
  const set: ImageSet = {
    kind: 'images',
    name: `${info.name}/${opts.split ?? 'test'}`,
    count,
    shape,
    pixels,
    labels: y.value,
    numClasses: names.value.length,
    classNames: names.value,
    normalisation: normalisationOf(info, opts),
    ...(info.defaultResize !== null ? { defaultResize: info.defaultResize } : {}),
  };
  return ok(info.storedTransposed && opts.upright ? transposeImages(set) : set);
}

/** A CIFAR-10 binary batch (gzipped or raw) for the `cifar10` preset. */
export async function loadCifarFiles(
  info: DatasetInfo,
  files: DatasetFiles,
  opts: LoadOptions = {},
): Promise<Result<ImageSet>> {
  const recordsFile = need(info, files, 'records');
  if (!recordsFile.ok) return recordsFile;
  const batch = await readCifar10(recordsFile.value, opts.maxBytes ?? MAX_DATA_BYTES);
  if (!batch.ok) return batch;
  const names = classesOf(info, files, batch.value.labels, recordsFile.value.name, opts);
  if (!names.ok) return names;
  const y = checkLabels(batch.value.labels, 0, names.value.length, recordsFile.value.name, info.name);
  if (!y.ok) return y;
  return ok({
    kind: 'images',
    name: `${info.name}/${opts.split ?? 'test'}`,
    count: batch.value.count,
    shape: info.shape,
    pixels: batch.value.pixels,
    labels: y.value,
    numClasses: names.value.length,
    classNames: names.value,
    normalisation: normalisationOf(info, opts),
  });
}
