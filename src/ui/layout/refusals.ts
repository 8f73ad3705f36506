// Which controls a refusal names, so its message also shows beside them: a refusal starts with the
// setting(s) it concerns ("classes: …", "S and resize: …") or the file it is about ("deep.learner.json:
// …", "fashion-mnist: images.gz: …"). The answer is the controls' names, as in data-testid
// "refusal-<name>": runs, resize, classes, learner, learner-file, learned, dataset, stream, order,
// baselines, data-file-<role>.

/** What the page knows of the files the user picked (their names, by the control they came from). */
export interface PickedNames {
  readonly dataset: string;
  /** The learner file last picked, or null. */
  readonly learnerFile: string | null;
  /** The learned-learner file last picked, or null (its reading refused: "<file>: …"). */
  readonly learnedFile?: string | null;
  /** The data file last picked for each role. */
  readonly dataFiles: { readonly [role: string]: string };
}

/** A setting's name at the start of a refusal (worker or page words), to the control that sets it. */
const CONTROL_OF_SETTING: { readonly [setting: string]: string } = {
  S: 'runs',
  runs: 'runs',
  resize: 'resize',
  classes: 'classes',
  learner: 'learner',
  dataset: 'dataset',
  stream: 'stream',
  order: 'order',
  baselines: 'baselines',
  learned: 'learned',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file name standing as a field of the message: at its start or after a space or "(", followed by ":". */
const namesFile = (error: string, name: string): boolean =>
  name !== '' && new RegExp(`(^|[\\s(])${escape(name)}:`).test(error);

export function refusalControls(error: string | null, picked: PickedNames): readonly string[] {
  if (!error) return [];
  const out = new Set<string>();
  if (picked.learnerFile && error.startsWith(`${picked.learnerFile}: `)) out.add('learner-file');
  if (picked.learnedFile && error.startsWith(`${picked.learnedFile}: `)) out.add('learned');
  for (const [role, name] of Object.entries(picked.dataFiles)) if (namesFile(error, name)) out.add(`data-file-${role}`);
  if (out.size > 0) return [...out];
  const colon = error.indexOf(': ');
  if (colon < 0) return [];
  for (const word of error.slice(0, colon).split(' and ')) {
    const setting = word.replace(/\[\d+\]$/, '');
    const control = setting === picked.dataset ? 'dataset' : CONTROL_OF_SETTING[setting];
    if (control) out.add(control);
  }
  return [...out];
}
