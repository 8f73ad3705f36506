// The trainer's autosave in a KeyValueStore: one record holds the run whole, so it is written in one
// put (atomically: a crash leaves the previous one), plus a small record for the "resume?" offer.
//   "trainer-autosave":      {"format":"vsml-trainer-autosave","version":1,"savedAt":ISO,"configName":..,
//                             "checkpoint":"<vsml-checkpoint text, as exportCheckpoint and the CLI write it>",
//                             "history":{losses, rejections, evaluations} (trainerHistory.ts)}
//   "trainer-autosave-meta": {"step","totalSteps","savedAt","configName"}: removed before the record is
//                            written and put back after it, so when present it describes the record.
import { parseCheckpoint, type Checkpoint } from '../../meta/checkpoint';
import { parseJsonText } from '../../model/formats/json';
import { fail, formatFieldError, ok, type Result } from '../../model/result';
import { StoredValueError, type KeyValueStore } from '../storage/keyValueStore';

export const AUTOSAVE_KEY = 'trainer-autosave';
export const AUTOSAVE_META_KEY = 'trainer-autosave-meta';
const FORMAT = 'vsml-trainer-autosave';
const VERSION = 1;

export interface AutosaveMeta {
  readonly step: number;
  readonly totalSteps: number;
  /** ISO 8601. */
  readonly savedAt: string;
  readonly configName: string;
}

export interface Autosave {
  readonly meta: AutosaveMeta;
  readonly checkpoint: Checkpoint;
  /** The history's JSON (TrainerHistory.fromJson reads it). */
  readonly history: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function readMeta(v: unknown): AutosaveMeta | null {
  if (!isRecord(v)) return null;
  const { step, totalSteps, savedAt, configName } = v;
  if (
    typeof step !== 'number' ||
    typeof totalSteps !== 'number' ||
    typeof savedAt !== 'string' ||
    typeof configName !== 'string'
  )
    return null;
  return { step, totalSteps, savedAt, configName };
}

/** Write the run (meta record out, the record, meta record in). `checkpointText` is serialiseCheckpoint's. */
export async function writeAutosave(
  store: KeyValueStore,
  meta: AutosaveMeta,
  checkpointText: string,
  history: unknown,
): Promise<void> {
  await store.delete(AUTOSAVE_META_KEY);
  await store.put(
    AUTOSAVE_KEY,
    JSON.stringify({
      format: FORMAT,
      version: VERSION,
      savedAt: meta.savedAt,
      configName: meta.configName,
      checkpoint: checkpointText,
      history,
    }),
  );
  await store.put(AUTOSAVE_META_KEY, JSON.stringify(meta));
}

/** The saved run; null when there is none; an error (field named) when it cannot be read. */
export async function readAutosave(store: KeyValueStore): Promise<Result<Autosave> | null> {
  const text = await store.get(AUTOSAVE_KEY);
  if (text === null) return null;
  const raw = parseJsonText(text);
  if (!raw.ok) return fail('json', 'autosave', raw.error.message);
  const doc = raw.value;
  if (!isRecord(doc) || doc.format !== FORMAT || doc.version !== VERSION)
    return fail('format', 'autosave', `not a ${FORMAT} record of version ${VERSION}`);
  if (typeof doc.checkpoint !== 'string' || typeof doc.savedAt !== 'string' || typeof doc.configName !== 'string')
    return fail('format', 'autosave', 'checkpoint, savedAt or configName missing');
  const cpDoc = parseJsonText(doc.checkpoint);
  const cp = cpDoc.ok ? parseCheckpoint(cpDoc.value) : cpDoc;
  if (!cp.ok)
    return fail(cp.error.code, `autosave checkpoint${cp.error.field ? `.${cp.error.field}` : ''}`, cp.error.message);
  const meta: AutosaveMeta = {
    step: cp.value.step,
    totalSteps: cp.value.config.steps,
    savedAt: doc.savedAt,
    configName: doc.configName,
  };
  return ok({ meta, checkpoint: cp.value, history: doc.history });
}

/** A record is stored but cannot be read: why, so the offer says so (and offers to discard it) instead of hiding it. */
export interface UnreadableAutosave {
  readonly unreadable: string;
}

/**
 * What the store holds, for the "resume?" offer: the meta record (read without parsing the run), or,
 * when a crash came in the middle of a save, the run record's own; why the record cannot be read
 * when it is there but unreadable; null when nothing is saved.
 */
export async function readAutosaveMeta(store: KeyValueStore): Promise<AutosaveMeta | UnreadableAutosave | null> {
  let meta: AutosaveMeta | null = null;
  try {
    const text = await store.get(AUTOSAVE_META_KEY);
    const parsed = text === null ? null : parseJsonText(text);
    meta = parsed?.ok ? readMeta(parsed.value) : null;
  } catch (e) {
    if (!(e instanceof StoredValueError)) throw e; // a bad meta record: the run record decides
  }
  if (meta) return meta;
  let run;
  try {
    run = await readAutosave(store);
  } catch (e) {
    if (e instanceof StoredValueError) return { unreadable: `autosave: ${e.message}` };
    throw e;
  }
  if (run === null) return null;
  return run.ok ? run.value.meta : { unreadable: formatFieldError(run.error) };
}

export async function discardAutosave(store: KeyValueStore): Promise<void> {
  await store.delete(AUTOSAVE_META_KEY);
  await store.delete(AUTOSAVE_KEY);
}
