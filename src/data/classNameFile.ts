// Class-name files: one name per line in label order (CIFAR-10 batches.meta.txt), or
// "index<TAB>name" lines with indices 0, 1, … (the Omniglot *-classes.txt files).
import { fail, ok, type Result } from '../model/result';

export function parseClassNameFile(text: string, field: string): Result<readonly string[]> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return fail('shape', field, 'is empty (expected one class name per line)');
  const indexed = lines.every((l) => /^\d+\t/.test(l));
  if (!indexed) return ok(lines);
  const names: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const tab = lines[i].indexOf('\t');
    const index = Number(lines[i].slice(0, tab));
    if (index !== i)
      return fail('syntax', field, `line ${i + 1}: index ${index}, expected ${i} (indices must run 0, 1, …)`);
    names.push(lines[i].slice(tab + 1).trim());
  }
  return ok(names);
}
