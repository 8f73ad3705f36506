// The learned learners without variable sharing (Meta RNN, Hebbian, FWMemory: src/model/learners) a
// studio session runs beside VSML and the baselines, on the same streams, on the CPU in the worker
// (learnedBatchLearner: zero-padded to the learner's inputs, the first K of its logits). Each comes
// as a document with a name (its line on the chart, unique) and the file it was read from; every
// refusal starts with "learned: <file>: " and names the field ("learned: m.json: shape.inputSize: …"),
// so the page shows it beside the learned-learner control and the running session goes on.
import { learnedBatchLearner, type DatasetShape } from '../../meta/learnedBatch';
import type { BatchLearner } from '../../meta/protocol';
import { BASELINE_NAMES } from '../../model/baselines/kinds';
import { parseLearnedLearner, type LearnedLearner } from '../../model/formats/learnedLearner';
import type { LearnedDocument, LearnedEntry } from './contract';
import { formatFieldError, type Reply } from '../../model/result';

export interface ParsedLearned extends LearnedEntry {
  readonly learner: LearnedLearner;
}

/**
 * One learned learner's line in a session: `create` gives its R runs from the kind's zero state (again for a fresh
 * episode).
 */
export interface LearnedLine {
  readonly name: string;
  create(): BatchLearner;
}

export type Checked<T> = Reply<{ readonly value: T }>;

/** Names a learned line cannot take: VSML's and the baselines'. */
const TAKEN: readonly string[] = ['vsml', ...BASELINE_NAMES];

/** Every document checked and parsed, in order; the first bad one is named (its index, or its file and field). */
export function parseLearnedDocuments(docs: unknown): Checked<ParsedLearned[]> {
  if (docs === undefined) return { ok: true, value: [] };
  if (!Array.isArray(docs)) return { ok: false, message: 'learned: must be a list of learned-learner documents' };
  const out: ParsedLearned[] = [];
  for (const [i, d] of (docs as unknown[]).entries()) {
    const at = `learned[${i}]`;
    if (typeof d !== 'object' || d === null) return { ok: false, message: `${at}: must be {name, file, document}` };
    const { name, file, document } = d as Partial<LearnedDocument>;
    if (typeof name !== 'string' || name === '')
      return { ok: false, message: `${at}.name: must be a non-empty string` };
    if (typeof file !== 'string' || file === '')
      return { ok: false, message: `${at}.file: must be a non-empty string` };
    if (TAKEN.includes(name))
      return { ok: false, message: `learned: ${file}: the name "${name}" is VSML's or a baseline's; choose another` };
    if (out.some((p) => p.name === name)) return { ok: false, message: `learned: ${file}: "${name}" is listed twice` };
    const parsed = parseLearnedLearner(document);
    if (!parsed.ok) return { ok: false, message: `learned: ${file}: ${formatFieldError(parsed.error)}` };
    out.push({ name, file, kind: parsed.value.kind, learner: parsed.value });
  }
  return { ok: true, value: out };
}

/**
 * The lines of `parsed` on a task of `shape` with R runs; a learner too small for the task is refused by its file and
 * field.
 */
export function learnedLines(
  parsed: readonly ParsedLearned[],
  shape: DatasetShape,
  runs: number,
): Checked<LearnedLine[]> {
  const lines: LearnedLine[] = [];
  for (const p of parsed) {
    const first = learnedBatchLearner(p.learner, shape, runs);
    if (!first.ok) return { ok: false, message: `learned: ${p.file}: ${formatFieldError(first.error)}` };
    let next: BatchLearner | null = first.value;
    lines.push({
      name: p.name,
      create() {
        // The first call takes the learner already made (and checked); later ones start afresh.
        if (next) {
          const made = next;
          next = null;
          return made;
        }
        const again = learnedBatchLearner(p.learner, shape, runs);
        if (!again.ok) throw new Error(`learned: ${p.file}: ${formatFieldError(again.error)}`);
        return again.value;
      },
    });
  }
  return { ok: true, value: lines };
}

/** What SessionInfo says of each. */
export const learnedEntries = (parsed: readonly ParsedLearned[]): LearnedEntry[] =>
  parsed.map(({ name, file, kind }) => ({ name, file, kind }));
