// A run over TLS with a password: Redis with only a TLS port and a certificate of a private CA (made
// here with openssl), the coordinator and a worker given the CA through NODE_EXTRA_CA_CERTS and the
// URL rediss://:PASSWORD@localhost:PORT/0. The checkpoint is the single-process run's bytes.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisServer } from '../../src/cli/queue/redisServer';
import { tempDir, vsml, writeDoc } from '../cli/helpers';
import { tinyConfigDoc } from '../meta/trainerHelpers';
import { startCoordinator, startWorker, type CliProcess } from './queueProcesses';

const running: CliProcess[] = [];
let server: RedisServer | null = null;

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await server?.stop();
});

/** A CA and a certificate for localhost / 127.0.0.1 signed by it, in `dir`. */
async function certificates(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const f = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=vsml test CA',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('server.key'),
    '-out',
    f('server.csr'),
    '-subj',
    '/CN=localhost',
  );
  await writeFile(f('ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  ssl(
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('server.pem'),
    '-days',
    '2',
    '-extfile',
    f('ext.cnf'),
  );
  return { ca: f('ca.pem'), cert: f('server.pem'), key: f('server.key') };
}

describe('vsml meta-train --queue rediss:// (TLS and a password)', () => {
  it('a coordinator and a worker trusting a private CA: the single-process bytes; without the CA the coordinator refuses to start', async () => {
    const dir = await tempDir();
    const tls = await certificates(dir);
    server = await RedisServer.start({ password: 'tls-secret', tls });
    expect(server.url).toBe(`rediss://:tls-secret@localhost:${server.port}/0`);
    const config = await writeDoc(
      dir,
      'c.json',
      tinyConfigDoc({ steps: 2, checkpointEvery: 1, evaluation: { every: 0 } }),
    );
    const single = join(dir, 'single');
    expect((await vsml('meta-train', '--config', config, '--out', single)).code).toBe(0);

    // Not trusting the CA: the certificate is refused, and the command says so.
    const untrusted = startCoordinator(server.url, ['--config', config, '--out', join(dir, 'untrusted')]);
    running.push(untrusted);
    expect((await untrusted.exited).code).toBe(1);
    expect(untrusted.out).toMatch(
      /cannot reach Redis at rediss:\/\/:\*\*\*@localhost:\d+\/0.*(self-signed|certificate)/i,
    );

    const env = { NODE_EXTRA_CA_CERTS: tls.ca };
    const worker = startWorker(server.url, 'tls1', [], env);
    running.push(worker);
    await worker.waitFor(/waiting for ES jobs on rediss:\/\/:\*\*\*@localhost/);
    const out = join(dir, 'tls');
    const c = startCoordinator(server.url, ['--config', config, '--out', out], env);
    running.push(c);
    expect((await c.exited).code).toBe(0);
    await worker.waitFor(/tls1: step 2: pairs \d+\.\.\d+ in/);
    expect(await readFile(join(out, 'checkpoint.json'), 'utf8')).toBe(
      await readFile(join(single, 'checkpoint.json'), 'utf8'),
    );
    expect(c.out + worker.out).not.toContain('tls-secret');
  }, 300_000);
});
