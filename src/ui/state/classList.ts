// The class-subset field: the text a user types, read as a list of class indices.

/** "0,1,2" -> [0, 1, 2]; blank -> null (all classes); anything else -> a message. */
export function parseClassList(text: string): { ok: true; classes: number[] | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, classes: null };
  const parts = t.split(/[\s,]+/);
  if (parts.some((p) => !/^\d+$/.test(p)))
    return { ok: false, message: `classes: a comma-separated list of class indices, got "${text}"` };
  const classes = parts.map(Number);
  if (new Set(classes).size !== classes.length)
    return { ok: false, message: `classes: lists a class twice, got "${text}"` };
  if (classes.length < 2) return { ok: false, message: 'classes: needs at least 2 classes' };
  return { ok: true, classes };
}
