// cardHref: what each href of a model card becomes in the app, case by case, and every link of the
// shipped cards (public/learners/*.md) leads somewhere that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { cardHref, cardUrl } from '../../../src/ui/cards/cardHref';

const ROOT = join(import.meta.dirname, '../../..');
const CARDS = join(ROOT, 'public/learners');

describe('cardHref', () => {
  it('a sibling card opens that card: vsml-mnist.md from vsml-clone-sgd', () => {
    expect(cardHref('vsml-mnist.md', 'vsml-clone-sgd', '/')).toEqual({
      kind: 'card',
      id: 'vsml-mnist',
      href: '/learners/vsml-mnist.md',
    });
  });
  it('a card reached through ../learners/ and with a fragment is still that card, under base "./"', () => {
    expect(cardHref('../learners/vsml-clone-sgd.md#top', 'vsml-mnist', './')).toEqual({
      kind: 'card',
      id: 'vsml-clone-sgd',
      href: './learners/vsml-clone-sgd.md',
    });
  });
  it('a learner file beside the card is served by the app under the base URL', () => {
    expect(cardHref('vsml-clone-sgd.learner.json', 'vsml-mnist', '/')).toEqual({
      kind: 'served',
      href: '/learners/vsml-clone-sgd.learner.json',
    });
    expect(cardHref('../data/x.bin?v=2#a', 'vsml-mnist', '/studio/')).toEqual({
      kind: 'served',
      href: '/studio/data/x.bin?v=2#a',
    });
  });
  it('repository files above public/ are named by their repository path, fragment dropped', () => {
    expect(cardHref('../../configs/meta/default-learner-1-clone.json', 'vsml-mnist', '/')).toEqual({
      kind: 'repository',
      path: 'configs/meta/default-learner-1-clone.json',
    });
    expect(
      cardHref('../../docs/META_TRAINING.md#measured-development-machine-2-shared-cores-no-gpu', 'vsml-mnist', '/'),
    ).toEqual({
      kind: 'repository',
      path: 'docs/META_TRAINING.md',
    });
  });
  it('a root-relative path is a repository path; ".." past the root stays at the root', () => {
    expect(cardHref('/src/model/config.ts', 'vsml-mnist', '/')).toEqual({
      kind: 'repository',
      path: 'src/model/config.ts',
    });
    expect(cardHref('../../../../README.md', 'vsml-mnist', '/')).toEqual({ kind: 'repository', path: 'README.md' });
  });
  it('percent-encoded repository paths are named decoded', () => {
    expect(cardHref('../../docs/a%20b.md', 'vsml-mnist', '/')).toEqual({ kind: 'repository', path: 'docs/a b.md' });
  });
  it('http(s) and protocol-relative URLs are external', () => {
    expect(cardHref('https://arxiv.org/abs/2012.14905', 'vsml-mnist', '/')).toEqual({
      kind: 'external',
      href: 'https://arxiv.org/abs/2012.14905',
    });
    expect(cardHref('HTTP://example.org/x', 'vsml-mnist', '/')).toEqual({
      kind: 'external',
      href: 'HTTP://example.org/x',
    });
    expect(cardHref('//example.org/x', 'vsml-mnist', '/')).toEqual({ kind: 'external', href: 'https://example.org/x' });
  });
  it('empty, bare fragments, other schemes and bad escapes are plain text', () => {
    for (const href of [
      '',
      '   ',
      '#how-it-was-made',
      'mailto:a@b.c',
      'javascript:alert(1)',
      'data:text/html,x',
      '%E0%A4%A',
      '/',
    ]) {
      expect(cardHref(href, 'vsml-mnist', '/'), href).toEqual({ kind: 'text' });
    }
  });
  it('cardUrl is the base plus learners/<id>.md', () => {
    expect(cardUrl('/', 'vsml-mnist')).toBe('/learners/vsml-mnist.md');
    expect(cardUrl('./', 'a')).toBe('./learners/a.md');
  });
});

/** Every link and image href in a Markdown text, as marked reads it. */
function hrefsOf(markdown: string): string[] {
  const out: string[] = [];
  new Marked().lexer(markdown).forEach(function walk(t: Token) {
    if ((t.type === 'link' || t.type === 'image') && 'href' in t) out.push(String(t.href));
    const children = [...('tokens' in t && Array.isArray(t.tokens) ? t.tokens : [])];
    if (t.type === 'table') for (const cell of [...t.header, ...t.rows.flat()]) children.push(...cell.tokens);
    if (t.type === 'list') for (const item of t.items) children.push(item);
    children.forEach(walk);
  });
  return out;
}

describe('the shipped model cards', () => {
  const files = readdirSync(CARDS).filter((f) => f.endsWith('.md'));

  it('are five (the two VSML learners, the Meta RNN, Hebbian and FWMemory), valid UTF-8, with × and ± written as themselves', () => {
    expect(files.sort()).toEqual([
      'fw-memory-mnist.md',
      'hebbian-mnist.md',
      'meta-rnn-mnist.md',
      'vsml-clone-sgd.md',
      'vsml-mnist.md',
    ]);
    for (const f of files) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(CARDS, f)));
      expect(text, f).toContain('×');
      expect(text, f).not.toContain('Ã');
    }
  });

  it('every link leads to a card, a served file or a repository file that exists, or to arxiv.org', () => {
    const seen: string[] = [];
    for (const f of files) {
      const id = f.slice(0, -3);
      for (const href of hrefsOf(readFileSync(join(CARDS, f), 'utf8'))) {
        const t = cardHref(href, id, '/');
        seen.push(`${f} ${t.kind}`);
        if (t.kind === 'card') expect(existsSync(join(CARDS, `${t.id}.md`)), `${f}: ${href}`).toBe(true);
        else if (t.kind === 'served')
          expect(existsSync(join(ROOT, 'public', t.href.split(/[?#]/)[0])), `${f}: ${href}`).toBe(true);
        else if (t.kind === 'repository') expect(existsSync(join(ROOT, t.path)), `${f}: ${href}`).toBe(true);
        else if (t.kind === 'external') expect(t.href, `${f}: ${href}`).toMatch(/^https:\/\/arxiv\.org\//);
        else throw new Error(`${f}: ${href}: leads nowhere`);
      }
    }
    expect(seen.sort()).toEqual([
      'fw-memory-mnist.md repository',
      'fw-memory-mnist.md repository',
      'fw-memory-mnist.md repository',
      'fw-memory-mnist.md repository',
      'hebbian-mnist.md repository',
      'hebbian-mnist.md repository',
      'hebbian-mnist.md repository',
      'hebbian-mnist.md repository',
      'meta-rnn-mnist.md repository',
      'meta-rnn-mnist.md repository',
      'meta-rnn-mnist.md repository',
      'meta-rnn-mnist.md repository',
      'vsml-clone-sgd.md card',
      'vsml-clone-sgd.md external',
      'vsml-clone-sgd.md repository',
      'vsml-mnist.md external',
      'vsml-mnist.md repository',
      'vsml-mnist.md repository',
      'vsml-mnist.md repository',
      'vsml-mnist.md repository',
      'vsml-mnist.md repository',
      'vsml-mnist.md repository',
      'vsml-mnist.md served',
    ]);
  });
});
