// A private redis-server for tests and `npm run bench -- --meta --workers`: started on a free port
// (never 6379) in a temporary folder, no persistence unless asked, stopped by its PID. Restartable on
// the same port (a test of a Redis restart), with a password and TLS when asked.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServerOptions {
  /** requirepass. */
  readonly password?: string;
  /** TLS only (no plain port): the server's certificate, key and the CA that signed it (files). */
  readonly tls?: { readonly cert: string; readonly key: string; readonly ca: string };
  /** The binary (default redis-server on PATH). */
  readonly binary?: string;
}

/** A free TCP port on 127.0.0.1 (asked of the OS; never 6379). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
    });
    if (port !== 6379 && port !== 0) return port;
  }
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

export class RedisServer {
  private child: ChildProcess | null = null;
  private log = '';

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly opts: RedisServerOptions,
  ) {}

  static async start(opts: RedisServerOptions = {}): Promise<RedisServer> {
    const dir = await mkdtemp(join(tmpdir(), 'vsml-redis-'));
    const s = new RedisServer(await freePort(), dir, opts);
    await s.launch();
    return s;
  }

  /** redis://…, or rediss://… with TLS; with the password when there is one. */
  get url(): string {
    const auth = this.opts.password ? `:${encodeURIComponent(this.opts.password)}@` : '';
    return `${this.opts.tls ? 'rediss' : 'redis'}://${auth}${this.opts.tls ? 'localhost' : '127.0.0.1'}:${this.port}/0`;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  private async launch(): Promise<void> {
    const { password, tls } = this.opts;
    const args = [
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
      ...(password ? ['--requirepass', password] : []),
      ...(tls
        ? [
            '--port',
            '0',
            '--tls-port',
            String(this.port),
            '--tls-cert-file',
            tls.cert,
            '--tls-key-file',
            tls.key,
            '--tls-ca-cert-file',
            tls.ca,
            '--tls-auth-clients',
            'no',
          ]
        : ['--port', String(this.port)]),
    ];
    const child = spawn(this.opts.binary ?? 'redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.log = '';
    child.stdout?.on('data', (d) => (this.log += d));
    child.stderr?.on('data', (d) => (this.log += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const spawned = new Promise<Error | null>((r) => {
      child.once('error', (e) => r(e));
      child.once('spawn', () => r(null));
    });
    const e = await spawned;
    if (e) throw new Error(`redis-server could not start (${e.message}); install it: apt-get install -y redis-server`);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (await accepts(this.port)) return;
      const done = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 50))]);
      if (done !== 'running')
        throw new Error(
          `redis-server exited (${done}) on port ${this.port}: ${this.log.trim().split('\n').slice(-3).join(' | ')}`,
        );
    }
    throw new Error(`redis-server did not accept connections on port ${this.port} within 20 s`);
  }

  /** Stops the server (SIGKILL: everything in memory is lost) and starts it again on the same port. */
  async restart(): Promise<void> {
    await this.kill('SIGKILL');
    await this.launch();
  }

  private async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
    await rm(this.dir, { recursive: true, force: true });
  }
}
