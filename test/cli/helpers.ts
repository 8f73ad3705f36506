// Shared fixtures for the CLI tests: temp directories of input files, the CLI in-process and as a process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { parseRunCheckpoint } from '../../src/meta/runCheckpoint';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'vsml-cli-'));

/** Write `doc` as JSON into `dir/name`; returns the path. */
export async function writeDoc(dir: string, name: string, doc: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** `vsml ...argv` in this process. */
export async function vsml(...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

/** `node --import tsx src/cli/vsml.ts ...argv` as a real process; stderr as raw text. */
export function vsmlProcess(...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/vsml.ts', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Max |a - b| / max(1, |b|) over two equally long lists. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return m;
}

/** The step of the checkpoint at `path`, or -1 while it is missing, partial or invalid. */
export async function checkpointStep(path: string): Promise<number> {
  try {
    const cp = parseRunCheckpoint(JSON.parse(await readFile(path, 'utf8')));
    return cp.ok ? cp.value.step : -1;
  } catch {
    return -1;
  }
}

/**
 * `vsml meta-train --config config --out out ...extra` as a child process, SIGKILLed once its
 * checkpoint reaches step `after` (or after 60 s): the child's PID and the checkpoint's step then.
 */
export async function killedMetaTrain(
  config: string,
  out: string,
  after: number,
  extra: readonly string[] = [],
): Promise<{ pid: number | undefined; at: number; signal: NodeJS.Signals | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/vsml.ts', 'meta-train', '--config', config, '--out', out, ...extra],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let step = -1;
  const deadline = Date.now() + 60_000;
  while (step < after && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    step = await checkpointStep(join(out, 'checkpoint.json'));
  }
  child.kill('SIGKILL');
  const signal = await exited;
  return { pid: child.pid, at: await checkpointStep(join(out, 'checkpoint.json')), signal };
}

/**
 * Kill-and-resume on the CPU reference: `vsml meta-train` of `config` SIGKILLed after the checkpoint of
 * step 2, resumed with --resume to `steps`, and the same config run uninterrupted in `dir`. The test
 * expects what it returns: the kill (signal, step reached) and both runs' checkpoint and learner bytes.
 */
export async function killAndResume(
  config: string,
  dir: string,
): Promise<{
  signal: NodeJS.Signals | null;
  at: number;
  resumedCode: number | null;
  wholeCode: number;
  killed: string[];
  whole: string[];
}> {
  const killed = join(dir, 'killed');
  const { at, signal } = await killedMetaTrain(config, killed, 2, ['--backend', 'reference']);
  const resumed = vsmlProcess('meta-train', '--out', killed, '--resume', '--backend', 'reference');
  const whole = join(dir, 'whole');
  const wholeCode = (await vsml('meta-train', '--config', config, '--out', whole, '--backend', 'reference')).code;
  const files = (folder: string) =>
    Promise.all(['checkpoint.json', 'learner.json'].map((f) => readFile(join(folder, f), 'utf8')));
  return { signal, at, resumedCode: resumed.code, wholeCode, killed: await files(killed), whole: await files(whole) };
}
