// The numpy peer as a bench participant: scripts/numpy-peer.py --serve as a subprocess, driven by one
// JSON command per line (prepare, measure, quit), one JSON reply per line. When python3 with numpy is
// missing, numpyParticipant returns null with the reason ("numpy peer: not available").
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { fail, ok, type Result } from '../model/result';
import type { Segment } from '../worker/tools/bench';
import type { BenchParticipant } from '../worker/tools/benchSchedule';

export const NUMPY_PEER = fileURLToPath(new URL('../../scripts/numpy-peer.py', import.meta.url));

export interface PeerMeasurement extends Segment {
  readonly runs: number;
  readonly vm: string;
  readonly cells: number;
  readonly cellTicksPerSecond: number;
  readonly numpy: string;
  readonly blas: string;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One reply line of the peer: {"ok": false, "error"} becomes an error naming the peer. */
export function parsePeerReply(line: string): Result<Record<string, unknown>> {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return fail('json', 'numpy-peer', `reply is not JSON: ${line.slice(0, 200)}`);
  }
  if (!isObj(v)) return fail('type', 'numpy-peer', 'reply must be a JSON object');
  if (v.ok !== true)
    return fail('peer', 'numpy-peer', typeof v.error === 'string' ? v.error : 'reply has no "ok": true');
  return ok(v);
}

/** A measurement reply (format vsml-numpy-peer, version 1), every field checked. */
export function parsePeerMeasurement(line: string): Result<PeerMeasurement> {
  const r = parsePeerReply(line);
  if (!r.ok) return r;
  const v = r.value;
  if (v.format !== 'vsml-numpy-peer' || v.version !== 1)
    return fail(
      'format',
      'numpy-peer.format',
      `expected vsml-numpy-peer version 1, got ${String(v.format)} ${String(v.version)}`,
    );
  for (const k of ['runs', 'examples', 'seconds', 'cells', 'cellTicksPerSecond'] as const) {
    const x = v[k];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
      return fail('type', `numpy-peer.${k}`, `must be a finite number >= 0, got ${JSON.stringify(x)}`);
  }
  if (!((v.examples as number) >= 1 && (v.seconds as number) > 0))
    return fail('range', 'numpy-peer.examples', 'a measurement needs at least one example in a positive time');
  return ok({
    runs: v.runs as number,
    vm: String(v.vm),
    examples: v.examples as number,
    seconds: v.seconds as number,
    cells: v.cells as number,
    cellTicksPerSecond: v.cellTicksPerSecond as number,
    numpy: String(v.numpy ?? 'unknown'),
    blas: String(v.blas ?? 'unknown'),
  });
}

/** python3 with numpy, or why not. */
export function numpyAvailable(python = 'python3'): Result<string> {
  const r = spawnSync(python, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (r.error) return fail('missing', 'python3', r.error.message);
  if (r.status !== 0)
    return fail('missing', 'numpy', (r.stderr || 'import numpy failed').trim().split('\n').at(-1) ?? '');
  return ok(r.stdout.trim());
}

/** The peer participant, or null (with the reason logged) when numpy is missing. */
export function numpyParticipant(log: (line: string) => void, python = 'python3'): BenchParticipant | null {
  const avail = numpyAvailable(python);
  if (!avail.ok) {
    log(`numpy peer: not available (${avail.error.field}: ${avail.error.message})`);
    return null;
  }
  let child: ChildProcessWithoutNullStreams | null = null;
  let pending: ((line: string) => void)[] = [];
  const start = () => {
    const c = spawn(python, [NUMPY_PEER, '--serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: c.stdout }).on('line', (line) => pending.shift()?.(line));
    c.stderr.on('data', (d: Buffer) => log(`numpy peer: ${d.toString().trim()}`));
    c.on('exit', (code) => {
      for (const p of pending) p(JSON.stringify({ ok: false, error: `the peer exited (code ${code})` }));
      pending = [];
      child = null;
    });
    return c;
  };
  const ask = (cmd: object): Promise<string> =>
    new Promise((resolve) => {
      child ??= start();
      pending.push(resolve);
      child.stdin.write(`${JSON.stringify(cmd)}\n`);
    });
  let description = `numpy ${avail.value}`;
  return {
    id: 'numpy',
    environment: 'python',
    backend: 'numpy',
    async prepare(c) {
      const r = parsePeerReply(await ask({ cmd: 'prepare', runs: c.runs, vm: c.vm, seed: 22 }));
      if (!r.ok) throw new Error(r.error.message);
      description = `numpy ${String(r.value.numpy)} (BLAS ${String(r.value.blas)}), scripts/numpy-peer.py`;
      return description;
    },
    async measure(minSeconds) {
      const r = parsePeerMeasurement(await ask({ cmd: 'measure', seconds: minSeconds }));
      if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
      return { examples: r.value.examples, seconds: r.value.seconds };
    },
    async release() {
      if (!child) return;
      const c = child;
      const exited = new Promise((resolve) => c.once('exit', resolve));
      c.stdin.write(`${JSON.stringify({ cmd: 'quit' })}\n`);
      await exited;
    },
  };
}
