// The files of a meta-training run in --out DIR:
//   checkpoint.json  vsml-checkpoint (written atomically every checkpointEvery steps and at the end)
//   learner.json     vsml-learner of the same theta (for `vsml evaluate`), written just before it
//   log.jsonl        one JSON object per line: a step ({step, metaLoss, accepted, seconds, wallSeconds}
//                    plus rejected when rejected) or an evaluation ({step, eval: {name: ...}, seconds,
//                    wallSeconds}); appended as it goes, cut back to the checkpoint on --resume.
import { access, appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCheckpoint, serialiseCheckpoint, type Checkpoint } from '../meta/checkpoint';
import { serialiseLearner } from '../model/formats/learner';
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

export const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

export const ensureDir = (dir: string): Promise<unknown> => mkdir(dir, { recursive: true });

/** The checkpoint of a run, with read and format errors as values. */
export async function readCheckpoint(path: string): Promise<Result<Checkpoint>> {
  const raw = await readJsonFile(path);
  return raw.ok ? parseCheckpoint(raw.value) : raw;
}

/**
 * Write the learner, then the checkpoint, each atomically. The text is parsed back before anything
 * is written, so a checkpoint that could not be read (a non-finite number) never replaces a good one.
 */
export async function writeCheckpoint(files: RunFiles, cp: Checkpoint): Promise<void> {
  const text = serialiseCheckpoint(cp);
  const back = parseJsonText(text);
  const parsed = back.ok ? parseCheckpoint(back.value) : back;
  if (!parsed.ok) throw new Error(`checkpoint at step ${cp.step} does not read back (${formatFieldError(parsed.error)}); not written`);
  await writeFileAtomic(files.learner, serialiseLearner(cp.learner));
  await writeFileAtomic(files.checkpoint, text);
}

/** One line of log.jsonl. */
export interface LogEntry {
  readonly step: number;
  readonly wallSeconds: number;
  readonly [key: string]: unknown;
}

export const appendLog = (files: RunFiles, entry: LogEntry): Promise<void> => appendFile(files.log, `${JSON.stringify(entry)}\n`);

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
