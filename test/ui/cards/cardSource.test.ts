// loadCardText: a card's bytes decoded as UTF-8 whatever charset the server names; failures are one
// line naming learners/<id>.md and the reason; an aborted fetch rejects for the caller to drop.
import { describe, expect, it } from 'vitest';
import { loadCardText } from '../../../src/ui/cards/cardSource';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('loadCardText', () => {
  it('fetches <base>learners/<id>.md and decodes UTF-8 served as text/markdown with no charset', async () => {
    const asked: string[] = [];
    const card = await loadCardText('/app/', 'vsml-mnist', undefined, async (url) => {
      asked.push(url);
      return new Response(bytes('5×5, 0.5659 ± 0.0359'), { headers: { 'content-type': 'text/markdown' } });
    });
    expect(asked).toEqual(['/app/learners/vsml-mnist.md']);
    expect(card).toEqual({ ok: true, text: '5×5, 0.5659 ± 0.0359' });
  });
  it('decodes UTF-8 even when the server claims latin-1', async () => {
    const card = await loadCardText(
      '/',
      'a',
      undefined,
      async () => new Response(bytes('±'), { headers: { 'content-type': 'text/plain; charset=iso-8859-1' } }),
    );
    expect(card).toEqual({ ok: true, text: '±' });
  });
  it('an HTTP error names the file and the status', async () => {
    const card = await loadCardText(
      '/',
      'nope',
      undefined,
      async () => new Response('missing', { status: 404, statusText: 'Not Found' }),
    );
    expect(card).toEqual({ ok: false, message: 'learners/nope.md: could not be fetched (HTTP 404 Not Found)' });
  });
  it('a network failure names the file and the error', async () => {
    const card = await loadCardText('/', 'a', undefined, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(card).toEqual({ ok: false, message: 'learners/a.md: could not be fetched (Failed to fetch)' });
  });
  it('bytes that are not UTF-8 are refused, not shown garbled', async () => {
    const card = await loadCardText('/', 'a', undefined, async () => new Response(new Uint8Array([0x35, 0xd7, 0x35])));
    expect(card).toEqual({ ok: false, message: 'learners/a.md: is not UTF-8 text' });
  });
  it('an aborted fetch rejects instead of returning a message', async () => {
    const ac = new AbortController();
    const pending = loadCardText(
      '/',
      'a',
      ac.signal,
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    ac.abort();
    await expect(pending).rejects.toThrow('aborted');
  });
});
