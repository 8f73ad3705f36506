// EMNIST mapping files: one class per line, "label ascii" (balanced, byclass, …) or
// "label upper-ascii lower-ascii" (letters), labels consecutive. CRLF or LF line ends.
import { fail, ok, type Result } from '../model/result';

export interface EmnistMapping {
  /** The label of the first line (0 for balanced, 1 for letters). */
  readonly firstLabel: number;
  /** In label order: "A/a" for letters lines, "A" for single-character lines. */
  readonly classNames: readonly string[];
}

const char = (code: number): string => String.fromCharCode(code);

export function parseEmnistMapping(text: string, field: string): Result<EmnistMapping> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return fail('shape', field, 'is empty (expected "label ascii" lines)');
  const names: string[] = [];
  let firstLabel = 0;
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const where = `line ${i + 1}`;
    const parts = lines[i].split(/\s+/);
    if (!parts.every((p) => /^\d+$/.test(p)) || parts.length < 2 || parts.length > 3) {
      return fail(
        'syntax',
        field,
        `${where}: expected "label ascii" or "label upper lower" (integers), got "${lines[i].slice(0, 40)}"`,
      );
    }
    if (i === 0) columns = parts.length;
    else if (parts.length !== columns)
      return fail('syntax', field, `${where}: ${parts.length} columns, line 1 has ${columns}`);
    const [label, ...codes] = parts.map(Number);
    if (i === 0) firstLabel = label;
    else if (label !== firstLabel + i)
      return fail('syntax', field, `${where}: label ${label}, expected ${firstLabel + i} (labels must be consecutive)`);
    const bad = codes.find((c) => c < 32 || c > 126);
    if (bad !== undefined) return fail('range', field, `${where}: ${bad} is not a printable ASCII code (32..126)`);
    names.push(codes.map(char).join('/'));
  }
  return ok({ firstLabel, classNames: names });
}
