// What `vsml evaluate --learner ITEM` names: a baseline by name (sgd, adam, sgd-deep, adam-deep), or
// a learner file told apart by its `format`: "vsml-learner" (a VSML learner, run on --backend) or a
// learned learner without variable sharing ("vsml-meta-rnn", "vsml-hebbian", "vsml-fw-memory": run
// on the CPU by src/meta/learnedBatch.ts, whatever --backend says). Any other format is read as a
// VSML learner and refused as `vsml trace` refuses it ("FILE: format: expected "vsml-learner", got
// ..."), so the bad-input corpus's one line per learner file holds for every command.
import { isBaselineName, type BaselineName } from '../model/baselines/kinds';
import { parseLearnedLearner, type LearnedLearner } from '../model/formats/learnedLearner';
import { parseLearner, type Learner } from '../model/formats/learner';
import { LEARNED_KIND_NAMES, learnedKindOfFormat } from '../model/learners/kinds';
import { formatFieldError, type Result } from '../model/result';
import { readJsonFile } from './io';

export type LearnerChoice =
  | { readonly kind: 'baseline'; readonly name: BaselineName }
  | { readonly kind: 'vsml'; readonly path: string; readonly learner: Learner }
  | { readonly kind: 'learned'; readonly path: string; readonly learner: LearnedLearner };

/**
 * The learner's kind in prose: "VSML", a learned kind's name ("Meta RNN", "Hebbian", "FWMemory"), or the baseline's.
 */
export const learnerKindName = (l: LearnerChoice): string =>
  l.kind === 'vsml' ? 'VSML' : l.kind === 'learned' ? LEARNED_KIND_NAMES[l.learner.kind] : l.name;

/** The format of a parsed document (undefined when it has none). */
const formatOf = (raw: unknown): unknown =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).format : undefined;

/** The learner a parsed file holds, chosen by its `format`; errors name the field. */
export function parseAnyLearner(path: string, raw: unknown): Result<LearnerChoice> {
  const format = formatOf(raw);
  if (learnedKindOfFormat(format) !== undefined) {
    const l = parseLearnedLearner(raw);
    return l.ok ? { ok: true, value: { kind: 'learned', path, learner: l.value } } : l;
  }
  // Anything else is read as a VSML learner, so a wrong format is named as trace and meta-train name it.
  const l = parseLearner(raw);
  return l.ok ? { ok: true, value: { kind: 'vsml', path, learner: l.value } } : l;
}

/** A baseline by name, else a learner file; a bad file as "<path>: <field>: <reason>". */
export async function loadLearner(
  text: string,
): Promise<{ ok: true; value: LearnerChoice } | { ok: false; line: string }> {
  if (isBaselineName(text)) return { ok: true, value: { kind: 'baseline', name: text } };
  const raw = await readJsonFile(text);
  const parsed = raw.ok ? parseAnyLearner(text, raw.value) : raw;
  if (!parsed.ok) return { ok: false, line: `${text}: ${formatFieldError(parsed.error)}` };
  return { ok: true, value: parsed.value };
}
