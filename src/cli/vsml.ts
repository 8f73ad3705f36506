// The `vsml` command line (npm run vsml -- <command> ...). See main.ts for dispatch and command.ts for exit codes.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  debug: process.env.VSML_DEBUG === '1',
  progress: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) },
});
