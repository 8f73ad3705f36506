// `npm run bench -- --latency`: the click → effect latency of each studio control, on WebGPU and on the
// CPU engine, in a production build served by Vite's preview() on a free port and driven by headless
// Debian Chromium (benchLatencyPage.ts). Prints one markdown table per backend with the build measured,
// the date and the load average before and after; --json writes the raw samples.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { measureBackend, type BackendLatency } from './benchLatencyPage';
import { LATENCY_USAGE, parseLatencyOptions, type LatencyOptions } from './benchLatencyOptions';
import { formatLatencyTable } from './benchLatencyTable';

const REPO = resolve(import.meta.dirname, '../..');

const machine = () => ({
  cpus: cpus().length,
  loadAverage: loadavg(),
  node: process.version,
  date: new Date().toISOString(),
});
type Machine = ReturnType<typeof machine>;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

/** vite build of the working tree into a temporary folder; the folder and what it holds. */
function buildNow(): { dir: string; label: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vsml-latency-dist-'));
  console.error(`bench --latency: building into ${dir}`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return {
    dir,
    label: `working tree at ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`,
  };
}

/** The build --dist names, or null with the reason printed. */
function existingBuild(dist: string): { dir: string; label: string } | null {
  const dir = resolve(dist);
  try {
    const built = statSync(join(dir, 'index.html')).mtime.toISOString();
    return { dir, label: `${dir} (index.html of ${built})` };
  } catch {
    console.error(
      `bench --latency: --dist: ${dir} holds no index.html (a production build: npx vite build --outDir DIR)`,
    );
    return null;
  }
}

const load = (m: Machine) => m.loadAverage.map((x) => x.toFixed(2)).join(', ');

function print(
  results: readonly BackendLatency[],
  build: string,
  before: Machine,
  after: Machine,
  o: LatencyOptions,
): void {
  console.log(
    `\nbuild: ${build}\ndate: ${before.date}; ${o.repeats} page loads per backend; load average (1, 5, 15 min) before ${load(before)}, after ${load(after)} on ${before.cpus} CPUs`,
  );
  for (const r of results) {
    console.log(`\n${r.backend}: ${r.badge}\n\n${formatLatencyTable(r.rows, o.timeoutMs)}`);
    for (const n of r.notes) console.log(`- ${n}`);
  }
}

/** Runs the benchmark for `argv` (without --latency); returns the exit code. */
export async function runLatencyBench(argv: readonly string[]): Promise<number> {
  const parsed = parseLatencyOptions(argv);
  if (!parsed.ok) {
    console.error(`bench --latency: ${parsed.message} (usage: ${LATENCY_USAGE})`);
    return 2;
  }
  const o = parsed.value;
  const build = o.dist ? existingBuild(o.dist) : buildNow();
  if (!build) return 2;
  const label = o.label ?? build.label;
  // 'bundle' loads vite.config.ts through esbuild, as `vite` does, not through the tsx loader.
  const server = await preview({
    root: REPO,
    configLoader: 'bundle',
    logLevel: 'warn',
    build: { outDir: build.dir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  const before = machine();
  const results: BackendLatency[] = [];
  try {
    if (!url) throw new Error('bench --latency: the Vite preview server did not start');
    console.error(`bench --latency: serving ${build.dir} at ${url}; load average ${load(before)}`);
    for (const backend of o.backends)
      results.push(await measureBackend(url, backend, o.repeats, o.timeoutMs, (line) => console.error(line)));
  } finally {
    await server.close();
    if (!o.dist) rmSync(build.dir, { recursive: true, force: true });
  }
  const after = machine();
  print(results, label, before, after, o);
  if (o.json) {
    const doc = {
      format: 'vsml-bench-latency',
      version: 1,
      build: label,
      options: o,
      machine: { before, after },
      backends: results,
    };
    writeFileSync(o.json, `${JSON.stringify(doc, null, 2)}\n`);
  }
  return 0;
}
