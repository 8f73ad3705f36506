// The envelope {format, version, ...} of every VSML file, and the one place that upgrades old
// versions: a format's migrations map version v to a function producing version v + 1.
// Readers throw through `failAt`; call inside `parseWith`.
import { failAt, readObject, show } from './json';

/** Upgrades one document from version v (the key) to v + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface FormatSpec {
  /** The value of the `format` field, e.g. "vsml-learner". */
  readonly format: string;
  /** The version this code writes and reads natively. */
  readonly version: number;
  /** Migrations from older versions, keyed by the version they start from. */
  readonly migrations?: Readonly<Record<number, Migration>>;
}

/**
 * Check the envelope and bring the document to `spec.version`. Returns the document's fields
 * (format and version included), ready for the format's own reader.
 */
export function restore(raw: unknown, spec: FormatSpec): Record<string, unknown> {
  let doc = readObject(raw, '');
  if (doc.format === undefined) failAt('missing', 'format', `missing (expected "${spec.format}")`);
  if (doc.format !== spec.format) failAt('format', 'format', `expected "${spec.format}", got ${show(doc.format)}`);
  const v = doc.version;
  if (v === undefined) failAt('missing', 'version', `missing (expected ${spec.version})`);
  const migrations = spec.migrations ?? {};
  const known = (n: unknown): n is number =>
    typeof n === 'number' &&
    Number.isInteger(n) &&
    n >= 1 &&
    n <= spec.version &&
    (n === spec.version || migrations[n] !== undefined);
  if (!known(v)) {
    const older = Object.keys(migrations).map(Number);
    const supported = [...older.sort((a, b) => a - b), spec.version].join(', ');
    failAt('version', 'version', `unsupported version ${show(v)} (supported: ${supported})`);
  }
  for (let at = v; at < spec.version; at++) {
    const step = migrations[at];
    if (!step) failAt('version', 'version', `no migration from version ${at} to ${at + 1}`);
    doc = { ...step(doc), version: at + 1 };
  }
  return doc;
}

/** The envelope fields to start a document with. */
export const envelope = (spec: FormatSpec): { format: string; version: number } => ({
  format: spec.format,
  version: spec.version,
});
