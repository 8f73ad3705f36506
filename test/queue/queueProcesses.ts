// Processes for the distributed meta-training tests: `vsml worker` and `vsml meta-train --queue` as
// real processes (node --import tsx), their output collected, waited on by pattern, stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../cli/helpers';

export class CliProcess {
  readonly child: ChildProcess;
  out = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/vsml.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VSML_THREADS: '1', ...env },
    });
    this.child.stdout?.on('data', (d) => (this.out += d));
    this.child.stderr?.on('data', (d) => (this.out += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Resolves with the first match of `re` in the output so far or to come; rejects after `ms` or when the process ends first. */
  async waitFor(re: RegExp, ms = 240_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + ms;
    let ended = false;
    void this.exited.then(() => (ended = true));
    for (;;) {
      const m = re.exec(this.out);
      if (m) return m;
      if (ended) throw new Error(`process ended before ${re}: ${this.out.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`no ${re} within ${ms} ms: ${this.out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends `signal` (by PID) and waits for the exit unless it was SIGSTOP / SIGCONT. */
  async signal(signal: NodeJS.Signals): Promise<void> {
    process.kill(this.pid, signal);
    if (signal !== 'SIGSTOP' && signal !== 'SIGCONT') await this.exited;
  }

  /** SIGTERM unless it has ended; then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(this.pid, 'SIGCONT');
      process.kill(this.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(t);
  }
}

/** `vsml worker --queue URL --name NAME ...extra`. */
export const startWorker = (
  url: string,
  name: string,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
): CliProcess => new CliProcess(['worker', '--queue', url, '--name', name, ...extra], env);

/** `vsml meta-train --queue URL ...args`. */
export const startCoordinator = (url: string, args: readonly string[], env: Record<string, string> = {}): CliProcess =>
  new CliProcess(['meta-train', '--queue', url, ...args], env);
