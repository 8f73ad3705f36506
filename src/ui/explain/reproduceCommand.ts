// The files "Download to reproduce" saves and the one command line that recomputes the explained
// example with the CLI's CPU reference: `vsml trace` from run 0's initial state over its stream, with
// the stages of example T (of the picked cell, --cell) written to a file. Pure (no DOM).

export interface ReproduceFiles {
  readonly stream: string;
  readonly state: string;
  readonly explainOut: string;
  readonly traceOut: string;
}

/** File names for the explanation of example T (0-based). */
export const reproduceFiles = (T: number): ReproduceFiles => ({
  stream: 'explain-stream.json',
  state: 'explain-state.json',
  explainOut: `explain-${T}.json`,
  traceOut: 'explain-trace.json',
});

/**
 * Where the learner is, as the command names it: a shipped learner's file in the repository, else the file the page
 * loaded.
 */
export function learnerPath(learner: string, learnerFile: string | null): string {
  if (learnerFile) return learnerFile;
  if (/^[a-z0-9-]+$/.test(learner) && learner !== 'trained') return `public/learners/${learner}.learner.json`;
  return 'trained.learner.json';
}

/** A cell of a layer's grid, as `--cell L,A,B` names it (only its numbers go into the file). */
export interface CommandCell {
  readonly layer: number;
  readonly a: number;
  readonly b: number;
}

/**
 * The command line, run from the repository's root with the downloaded files beside it; with `cell`, the file keeps
 * that cell only.
 */
export function reproduceCommand(
  learner: string,
  T: number,
  cell: CommandCell | null = null,
  files: ReproduceFiles = reproduceFiles(T),
): string {
  const quote = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [
    'npm run vsml -- trace',
    `--learner ${quote(learner)}`,
    `--stream ${files.stream}`,
    `--state ${files.state}`,
    `--explain ${T}`,
    `--explain-out ${files.explainOut}`,
    ...(cell ? [`--cell ${cell.layer},${cell.a},${cell.b}`] : []),
    // The TypeScript reference all the way (the default backend is the fast CPU engine).
    '--backend reference',
    `--out ${files.traceOut}`,
  ].join(' ');
}
