// The files of a meta-training run in --out DIR:
//   checkpoint.json  vsml-checkpoint (every checkpointEvery steps and at the end)
//   learner.json     the learner file of the same theta (vsml-learner, or a learned kind's: vsml-meta-rnn,
//                    ...; for `vsml evaluate`); the two are committed as one
//                    pair (writeCheckpoint): a failed write changes neither, the learner never leads
//   run.lock         the PID holding the folder while a run lasts (runLock.ts)
//   log.jsonl        one JSON object per line: a step ({step, metaLoss, accepted, seconds, wallSeconds}
//                    plus rejected when rejected) or an evaluation ({step, eval: {name: ...}, seconds,
//                    wallSeconds}); appended as it goes, cut back to the checkpoint on --resume.
import { randomBytes } from 'node:crypto';
import { access, appendFile, mkdir, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  parseRunCheckpoint,
  serialiseRunCheckpoint,
  serialiseRunLearner,
  type RunCheckpoint,
} from '../meta/runCheckpoint';
import { parseJsonText } from '../model/formats/json';
import { formatFieldError, type Result } from '../model/result';
import { readJsonFile, writeFileAtomic } from './io';

export interface RunFiles {
  readonly dir: string;
  readonly checkpoint: string;
  readonly learner: string;
  readonly log: string;
}

export const runFiles = (dir: string): RunFiles => ({
  dir,
  checkpoint: join(dir, 'checkpoint.json'),
  learner: join(dir, 'learner.json'),
  log: join(dir, 'log.jsonl'),
});

export const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export const ensureDir = (dir: string): Promise<unknown> => mkdir(dir, { recursive: true });

/** The checkpoint of a run, with read and format errors as values. */
export async function readCheckpoint(path: string): Promise<Result<RunCheckpoint>> {
  const raw = await readJsonFile(path);
  return raw.ok ? parseRunCheckpoint(raw.value) : raw;
}

/** The file operations a checkpoint commit uses (tests inject failures: a full disk, a failed rename). */
export interface RunFileWriter {
  /** Write `text` to a new file at `path` and flush it to disk. */
  write(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Flush a folder's entries (the renames) to disk; best effort. */
  syncDir(dir: string): Promise<void>;
}

export const NODE_WRITER: RunFileWriter = {
  write: (path, text) => writeFile(path, text, { flag: 'wx', flush: true }),
  rename: (from, to) => rename(from, to),
  remove: (path) => unlink(path),
  async syncDir(dir) {
    const handle = await open(dir, 'r').catch(() => null);
    await handle?.sync().catch(() => undefined);
    await handle?.close();
  },
};

const tempPath = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Commit a checkpoint and its learner as one pair. Both texts are checked (the checkpoint parsed back,
 * so one that could not be read, e.g. with a non-finite number, never replaces a good one) and written
 * in full to temporary files, flushed; only then are they renamed, the checkpoint first. So a failed
 * write (a full disk) changes neither file, and learner.json is never ahead of checkpoint.json: it
 * can lag only if the second rename fails or the process dies between the two, and --resume then
 * rewrites it from the checkpoint (`repairLearner`).
 */
export async function writeCheckpoint(
  files: RunFiles,
  cp: RunCheckpoint,
  writer: RunFileWriter = NODE_WRITER,
): Promise<void> {
  const text = serialiseRunCheckpoint(cp);
  const back = parseJsonText(text);
  const parsed = back.ok ? parseRunCheckpoint(back.value) : back;
  if (!parsed.ok)
    throw new Error(
      `checkpoint at step ${cp.step} does not read back (${formatFieldError(parsed.error)}); not written`,
    );
  const staged: { tmp: string; path: string; text: string }[] = [
    { tmp: tempPath(files.checkpoint), path: files.checkpoint, text },
    { tmp: tempPath(files.learner), path: files.learner, text: serialiseRunLearner(cp) },
  ];
  const pending = new Set<string>();
  try {
    for (const f of staged) {
      pending.add(f.tmp);
      await writer.write(f.tmp, f.text);
    }
    for (const f of staged) {
      await writer.rename(f.tmp, f.path);
      pending.delete(f.tmp);
    }
  } finally {
    for (const tmp of pending) await writer.remove(tmp).catch(() => undefined);
  }
  await writer.syncDir(files.dir);
}

/**
 * Make learner.json the checkpoint's theta if it is not (missing, or left behind by a crash between
 * the two renames of a commit). Returns whether it was rewritten.
 */
export async function repairLearner(files: RunFiles, cp: RunCheckpoint): Promise<boolean> {
  const want = serialiseRunLearner(cp);
  const have = await readFile(files.learner, 'utf8').catch(() => null);
  if (have === want) return false;
  await writeFileAtomic(files.learner, want);
  return true;
}

/** Temporary files a killed run left in its folder (call only while holding the folder's lock). */
export async function removeStaleTemps(files: RunFiles): Promise<void> {
  const names = [files.checkpoint, files.learner, files.log].map((p) => basename(p).replace(/\./g, '\\.'));
  const stale = new RegExp(`^\\.(${names.join('|')})\\.\\d+\\.[0-9a-f]+\\.tmp$`);
  for (const name of await readdir(files.dir).catch(() => [] as string[])) {
    if (stale.test(name)) await unlink(join(files.dir, name)).catch(() => undefined);
  }
}

/** One line of log.jsonl. */
export interface LogEntry {
  readonly step: number;
  readonly wallSeconds: number;
  readonly [key: string]: unknown;
}

export const appendLog = (files: RunFiles, entry: LogEntry): Promise<void> =>
  appendFile(files.log, `${JSON.stringify(entry)}\n`);

/**
 * The log entries up to `step` (lines after it, or cut off by a kill, are dropped) and the file
 * rewritten to hold just those; a missing log gives none.
 */
export async function trimLog(files: RunFiles, step: number): Promise<LogEntry[]> {
  let text = '';
  try {
    text = await readFile(files.log, 'utf8');
  } catch {
    text = '';
  }
  const kept: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const v = parseJsonText(line);
    if (!v.ok || v.value === null || typeof v.value !== 'object') continue;
    const e = v.value as LogEntry;
    if (typeof e.step === 'number' && e.step <= step && typeof e.wallSeconds === 'number') kept.push(e);
  }
  await writeFileAtomic(files.log, kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return kept;
}
