// Class subsets (official data.py:164-168, filter_classes): keep only the examples of the listed
// classes, relabelled to their index in the list, so K = the list's length.
import { fail, ok, type Result } from '../../model/result';
import type { ImageSet } from '../types';
import { selectExamples } from './select';

/** Check a class list against K: integers in [0, K), distinct, at least 2. */
export function checkClassList(classes: readonly number[], numClasses: number, field: string): Result<true> {
  if (classes.length < 2) return fail('range', field, `needs at least 2 classes, got ${classes.length}`);
  const seen = new Set<number>();
  for (const c of classes) {
    if (!Number.isInteger(c) || c < 0 || c >= numClasses)
      return fail('range', field, `class ${c} is not in [0, ${numClasses})`);
    if (seen.has(c)) return fail('range', field, `class ${c} is listed twice`);
    seen.add(c);
  }
  return ok(true);
}

export function selectClasses(set: ImageSet, classes: readonly number[], field = 'classes'): Result<ImageSet> {
  const checked = checkClassList(classes, set.numClasses, field);
  if (!checked.ok) return checked;
  const relabel = new Int32Array(set.numClasses).fill(-1);
  classes.forEach((c, i) => (relabel[c] = i));
  const keep: number[] = [];
  for (let n = 0; n < set.count; n++) if (relabel[set.labels[n]] >= 0) keep.push(n);
  if (keep.length === 0) return fail('empty', field, `${set.name} has no examples of classes ${classes.join(', ')}`);
  const picked = selectExamples(set, keep, `${set.name}[classes ${classes.join(',')}]`);
  const labels = picked.labels.map((y) => relabel[y]);
  return ok({ ...picked, labels, numClasses: classes.length, classNames: classes.map((c) => set.classNames[c]) });
}
