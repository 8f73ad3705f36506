// The subcommands of `vsml`, by name. Add a command here to make it available.
import type { Command } from './command';
import { cloneCheckCommand } from './cloneCheck';
import { evaluateCommand } from './evaluate';
import { metaTrainCommand } from './metaTrain';
import { tableCommand } from './table';
import { traceCommand } from './trace';
import { workerCommand } from './worker';

export const COMMANDS: readonly Command[] = [
  traceCommand,
  evaluateCommand,
  tableCommand,
  metaTrainCommand,
  workerCommand,
  cloneCheckCommand,
];
