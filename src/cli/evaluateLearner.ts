// What `vsml evaluate --learner ITEM` names: a baseline by name (sgd, adam, sgd-deep, adam-deep), or
// a learner file told apart by its `format`: "vsml-learner" (a VSML learner, run on --backend) or a
// learned learner without variable sharing ("vsml-meta-rnn", "vsml-hebbian", "vsml-fw-memory": run
// on the CPU by src/meta/learnedBatch.ts, whatever --backend says). A file that is neither is
// refused, naming the file and its `format`.
import { isBaselineName, type BaselineName } from '../model/baselines/kinds';
import { show } from '../model/formats/json';
import { parseLearnedLearner, type LearnedLearner } from '../model/formats/learnedLearner';
import { parseLearner, type Learner } from '../model/formats/learner';
import { LEARNED_FORMATS, learnedKindOfFormat } from '../model/learners/kinds';
import { LEARNED_KINDS } from '../model/learners/learned';
import { formatFieldError, type Result } from '../model/result';
import { readJsonFile } from './io';

export type LearnerChoice =
  | { readonly kind: 'baseline'; readonly name: BaselineName }
  | { readonly kind: 'vsml'; readonly path: string; readonly learner: Learner }
  | { readonly kind: 'learned'; readonly path: string; readonly learner: LearnedLearner };

const KNOWN_FORMATS = ['"vsml-learner" (a VSML learner)', ...LEARNED_KINDS.map((k) => `"${LEARNED_FORMATS[k]}" (a ${k} learner)`)];

/** The format of a parsed document, or null when it has none to read. */
const formatOf = (raw: unknown): unknown => (raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).format : undefined);

/** The learner a parsed file holds, chosen by its `format`; errors name the field. */
export function parseAnyLearner(path: string, raw: unknown): Result<LearnerChoice> {
  const format = formatOf(raw);
  if (learnedKindOfFormat(format) !== undefined) {
    const l = parseLearnedLearner(raw);
    return l.ok ? { ok: true, value: { kind: 'learned', path, learner: l.value } } : l;
  }
  if (format === undefined || format === 'vsml-learner') {
    const l = parseLearner(raw);
    return l.ok ? { ok: true, value: { kind: 'vsml', path, learner: l.value } } : l;
  }
  return { ok: false, error: { code: 'format', field: 'format', message: `expected one of ${KNOWN_FORMATS.join(', ')}, got ${show(format)}` } };
}

/** A baseline by name, else a learner file; a bad file as "<path>: <field>: <reason>". */
export async function loadLearner(text: string): Promise<{ ok: true; value: LearnerChoice } | { ok: false; line: string }> {
  if (isBaselineName(text)) return { ok: true, value: { kind: 'baseline', name: text } };
  const raw = await readJsonFile(text);
  const parsed = raw.ok ? parseAnyLearner(text, raw.value) : raw;
  if (!parsed.ok) return { ok: false, line: `${text}: ${formatFieldError(parsed.error)}` };
  return { ok: true, value: parsed.value };
}
