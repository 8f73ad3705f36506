// What a subcommand is, and how it ends. Exit codes:
//   0  success
//   1  runtime failure: the inputs were fine but the work failed (no WebGPU adapter, engine error,
//      the output could not be written)
//   2  bad input: CLI usage (unknown command or flag, missing flag) or a malformed, inconsistent,
//      unreadable or oversized input file
import type { FlagSpec, FlagValues } from './args';

export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_BAD_INPUT = 2;

/** How a command ended: a failure carries the one line for stderr. */
export type Outcome =
  | { readonly code: typeof EXIT_OK }
  | { readonly code: typeof EXIT_RUNTIME | typeof EXIT_BAD_INPUT; readonly message: string };

export const success: Outcome = { code: EXIT_OK };
export const badInput = (message: string): Outcome => ({ code: EXIT_BAD_INPUT, message });
export const runtimeFailure = (message: string): Outcome => ({ code: EXIT_RUNTIME, message });

/** Where live progress goes (stderr): redrawn in place on a terminal, plain lines otherwise. */
export interface ProgressOut {
  readonly isTTY: boolean;
  /** Raw text, no newline added. */
  write(text: string): void;
}

export interface CommandIo {
  /** One line of progress or results for people (stdout). */
  readonly info: (line: string) => void;
  /** Live progress and warnings (stderr); absent: none shown (e.g. in-process tests). */
  readonly progress?: ProgressOut;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  run(flags: FlagValues, io: CommandIo): Promise<Outcome>;
}
