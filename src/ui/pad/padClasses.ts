// The pad's class names: each of the task's K output classes keeps its own name ("7", "T-shirt")
// until the user renames it ("star", "house"); the new name is shown wherever the pad shows that
// class. Pure.

/** The longest name a class may be given. */
export const MAX_NAME = 24;

export type UserNames = { readonly [label: number]: string };

/** The name the pad shows for class k: the user's, else the task's, else "class k". */
export function padClassName(k: number, taskNames: readonly string[], user: UserNames): string {
  return user[k] ?? taskNames[k] ?? `class ${k}`;
}

/** The names of all K classes as the pad shows them. */
export function padClassNames(K: number, taskNames: readonly string[], user: UserNames): string[] {
  return Array.from({ length: K }, (_, k) => padClassName(k, taskNames, user));
}

/**
 * The user's names after renaming class k to `text` (trimmed; blank gives the task's name back), or
 * why not: one line naming the field.
 */
export function renameClass(
  user: UserNames,
  k: number,
  text: string,
  K: number,
): { ok: true; names: UserNames } | { ok: false; message: string } {
  if (!Number.isInteger(k) || k < 0 || k >= K)
    return { ok: false, message: `class: must be one of the task's ${K} classes (0 to ${K - 1}), got ${k}` };
  const name = text.trim().replace(/\s+/g, ' ');
  if (name.length > MAX_NAME) return { ok: false, message: `name: at most ${MAX_NAME} characters, got ${name.length}` };
  const next: { [label: number]: string } = { ...user };
  if (name === '') delete next[k];
  else next[k] = name;
  return { ok: true, names: next };
}
