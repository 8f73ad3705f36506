// The --queue URL (src/cli/queue/redisUrl.ts): host, port, database, credentials and TLS for ioredis,
// the password hidden in what is shown, and every refusal said with the URL.
import { describe, expect, it } from 'vitest';
import { parseQueueUrl, type QueueUrl } from '../../../src/cli/queue/redisUrl';

const read = (text: string): QueueUrl => {
  const r = parseQueueUrl(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const refusal = (text: string): string => {
  const r = parseQueueUrl(text);
  return r.ok ? 'ok' : r.message;
};

describe('parseQueueUrl', () => {
  it('redis://127.0.0.1:7000/3: host, port, db; no credentials, no TLS', () => {
    const { options, shown } = read('redis://127.0.0.1:7000/3');
    expect({ host: options.host, port: options.port, db: options.db }).toEqual({
      host: '127.0.0.1',
      port: 7000,
      db: 3,
    });
    expect(options).not.toHaveProperty('username');
    expect(options).not.toHaveProperty('password');
    expect(options).not.toHaveProperty('tls');
    expect(shown).toBe('redis://127.0.0.1:7000/3');
  });

  it('default port 6379 and db 0; reconnects for ever (retry at most every 2 s)', () => {
    const { options } = read('redis://queue.local');
    expect([options.host, options.port, options.db]).toEqual(['queue.local', 6379, 0]);
    expect(options.maxRetriesPerRequest).toBe(null);
    expect(options.enableReadyCheck).toBe(true);
    expect([1, 10, 40, 41, 1000].map((n) => options.retryStrategy?.(n))).toEqual([50, 500, 2000, 2000, 2000]);
    expect(read('redis://h/').options.db).toBe(0);
    expect(read('redis://h/15').options.db).toBe(15);
  });

  it('username and password are percent-decoded; shown hides the password as ***', () => {
    const { options, shown } = read('redis://al%40ice:p%40ss%3Aw0rd@10.0.0.2:6380/1');
    expect([options.username, options.password]).toEqual(['al@ice', 'p@ss:w0rd']);
    expect(shown).toBe('redis://al%40ice:***@10.0.0.2:6380/1');
    expect(shown).not.toContain('w0rd');
    const bare = read('redis://:secret@h');
    expect(bare.options).not.toHaveProperty('username');
    expect(bare.options.password).toBe('secret');
    expect(bare.shown).toBe('redis://:***@h');
  });

  it('rediss:// sets tls with the host as servername', () => {
    const { options, shown } = read('rediss://cache.example.com:6390');
    expect(options.tls).toEqual({ servername: 'cache.example.com' });
    expect([options.port, shown]).toEqual([6390, 'rediss://cache.example.com:6390']);
  });

  it('an IPv6 host loses its brackets', () => {
    expect(read('redis://[::1]:7001').options.host).toBe('::1');
  });

  it('refusals: not a URL, another scheme, no host, db 16, a path, a query or fragment (password hidden)', () => {
    expect(refusal('localhost:6379')).toBe(
      '--queue: localhost:6379: the scheme must be redis: or rediss: (TLS), got localhost:',
    );
    expect(refusal('127.0.0.1')).toBe(
      '--queue: not a URL: expected redis://HOST:PORT[/DB] or rediss://…, got "127.0.0.1"',
    );
    expect(refusal('')).toBe('--queue: not a URL: expected redis://HOST:PORT[/DB] or rediss://…, got ""');
    expect(refusal('http://h:6379')).toBe(
      '--queue: http://h:6379/: the scheme must be redis: or rediss: (TLS), got http:',
    );
    expect(refusal('redis:///3')).toBe('--queue: redis:///3: no host');
    expect(refusal('redis://h/16')).toBe('--queue: redis://h/16: the database must be 0..15, got 16');
    expect(refusal('redis://h/x')).toBe('--queue: redis://h/x: the path must be a database number 0..15, got /x');
    expect(refusal('redis://h/1/2')).toBe('--queue: redis://h/1/2: the path must be a database number 0..15, got /1/2');
    expect(refusal('redis://h/3?tls=1')).toBe(
      '--queue: redis://h/3?tls=1: no query or fragment is read; leave them out',
    );
    expect(refusal('redis://:pw@h/3#x')).toBe(
      '--queue: redis://:***@h/3#x: no query or fragment is read; leave them out',
    );
    expect(refusal('redis://:pw@h/99')).toBe('--queue: redis://:***@h/99: the database must be 0..15, got 99');
  });
});
