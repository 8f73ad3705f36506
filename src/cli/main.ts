// `vsml <command> [flags]`: find the command in the table, parse its flags, run it, and turn the
// outcome into an exit code and at most one line on stderr. Never prints a stack trace unless
// VSML_DEBUG=1.
import { errorLine } from '../model/result';
import { parseFlags, usageOf } from './args';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_RUNTIME, type Command, type ProgressOut } from './command';
import { COMMANDS } from './commands';

export interface MainIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Print stacks of unexpected errors (VSML_DEBUG=1). */
  readonly debug?: boolean;
  /** Live progress for long commands (stderr). */
  readonly progress?: ProgressOut;
}

const isHelp = (a: string | undefined): boolean => a === '--help' || a === '-h' || a === 'help';

function help(commands: readonly Command[]): string[] {
  return [
    'usage: vsml <command> [flags]   (exit 0 ok, 1 runtime failure, 2 bad input or usage)',
    ...commands.flatMap((c) => [
      `  ${usageOf(c.name, c.flags)}`,
      `      ${c.summary}`,
      ...c.flags.map((f) => `      --${f.name}: ${f.help}`),
    ]),
  ];
}

export async function main(
  argv: readonly string[],
  io: MainIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  const names = commands.map((c) => c.name).join(', ');
  if (name === undefined) {
    io.stderr(`usage: vsml <command> [flags] (commands: ${names}; vsml --help for more)`);
    return EXIT_BAD_INPUT;
  }
  if (isHelp(name)) {
    help(commands).forEach((l) => io.stdout(l));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`vsml: unknown command ${JSON.stringify(name)} (commands: ${names})`);
    return EXIT_BAD_INPUT;
  }
  if (rest.some(isHelp)) {
    help([command]).forEach((l) => io.stdout(l));
    return EXIT_OK;
  }
  const flags = parseFlags(rest, command.flags);
  if (!flags.ok) {
    io.stderr(`vsml ${name}: ${flags.error.message} (usage: ${usageOf(name, command.flags)})`);
    return EXIT_BAD_INPUT;
  }
  try {
    const outcome = await command.run(flags.value, {
      info: io.stdout,
      ...(io.progress ? { progress: io.progress } : {}),
    });
    if (outcome.code !== EXIT_OK) io.stderr(outcome.message);
    return outcome.code;
  } catch (e) {
    if (io.debug && e instanceof Error && e.stack) io.stderr(e.stack);
    const msg = errorLine(e);
    io.stderr(`vsml ${name}: internal error: ${msg}`);
    return EXIT_RUNTIME;
  }
}
