// The --queue flag: a Redis URL, redis://[[user]:password@]host[:port][/db] or rediss://… (TLS; a
// private CA through NODE_EXTRA_CA_CERTS). Read once into ioredis options that reconnect for ever
// (a restarted Redis is waited for, not an error) and a form with the password hidden for messages.
import type { RedisOptions } from 'ioredis';
import type { Reply } from '../../model/result';

export interface QueueUrl {
  readonly options: RedisOptions;
  /** The URL with any password as "***". */
  readonly shown: string;
}

export function parseQueueUrl(text: string): Reply<{ value: QueueUrl }> {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return {
      ok: false,
      message: `--queue: not a URL: expected redis://HOST:PORT[/DB] or rediss://…, got ${JSON.stringify(text)}`,
    };
  }
  const shownUrl = new URL(u.href);
  if (shownUrl.password) shownUrl.password = '***';
  const shown = shownUrl.href;
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    return { ok: false, message: `--queue: ${shown}: the scheme must be redis: or rediss: (TLS), got ${u.protocol}` };
  if (!u.hostname) return { ok: false, message: `--queue: ${shown}: no host` };
  const port = u.port === '' ? 6379 : Number(u.port);
  const path = u.pathname.replace(/^\//, '');
  if (!/^\d{0,2}$/.test(path))
    return { ok: false, message: `--queue: ${shown}: the path must be a database number 0..15, got /${path}` };
  const db = path === '' ? 0 : Number(path);
  if (db > 15) return { ok: false, message: `--queue: ${shown}: the database must be 0..15, got ${db}` };
  if (u.search || u.hash)
    return { ok: false, message: `--queue: ${shown}: no query or fragment is read; leave them out` };
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    ok: true,
    value: {
      shown,
      options: {
        host,
        port,
        db,
        ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
        ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
        ...(u.protocol === 'rediss:' ? { tls: { servername: host } } : {}),
        // BullMQ's blocking commands need these; a lost connection is retried every <= 2 s for ever.
        maxRetriesPerRequest: null,
        enableReadyCheck: true,
        retryStrategy: (times: number) => Math.min(2000, 50 * times),
      },
    },
  };
}
