// A model card's Markdown as sanitised DOM for the dialog: marked renders it (GitHub-flavoured: tables,
// fenced code), DOMPurify sanitises the HTML (no scripts, no event handlers, no style attributes, which
// the app's Content-Security-Policy would block anyway), then each link and image is rewritten as
// cardHref decides. The card's first heading becomes the dialog's title. Browser only (needs a DOM).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { cardHref } from './cardHref';

export interface RenderedCard {
  /** The text of the card's leading <h1>, taken out of the body; null when it has none. */
  readonly title: string | null;
  readonly body: DocumentFragment;
}

const markdown = new Marked({ gfm: true, async: false });

const REPOSITORY_TITLE = 'a file of the VSML Studio repository (the app does not serve it)';

/** Card `cardId`'s Markdown as a title and a sanitised body whose links lead where cardHref says. */
export function renderCard(text: string, cardId: string, assetBase: string): RenderedCard {
  const html = markdown.parse(text, { async: false });
  const body = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_ATTR: ['style'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    RETURN_DOM_FRAGMENT: true,
  });
  for (const a of Array.from(body.querySelectorAll('a'))) rewriteLink(a, cardId, assetBase);
  for (const img of Array.from(body.querySelectorAll('img'))) rewriteImage(img, cardId, assetBase);
  for (const table of Array.from(body.querySelectorAll('table'))) wrapTable(table);
  // A table's empty corner cell heads nothing: a plain cell, so screen readers announce no empty header.
  for (const th of Array.from(body.querySelectorAll('th')))
    if (!th.textContent?.trim()) th.replaceWith(th.ownerDocument.createElement('td'));
  // Code blocks scroll sideways too; a scrolling region is a tab stop, so keyboards can scroll it.
  for (const pre of Array.from(body.querySelectorAll('pre'))) pre.tabIndex = 0;
  const first = body.firstElementChild;
  if (first?.tagName !== 'H1') return { title: null, body };
  first.remove();
  return { title: first.textContent?.trim() ?? null, body };
}

function rewriteLink(a: HTMLAnchorElement, cardId: string, assetBase: string): void {
  const t = cardHref(a.getAttribute('href') ?? '', cardId, assetBase);
  a.removeAttribute('target');
  a.removeAttribute('rel');
  switch (t.kind) {
    case 'card':
      a.setAttribute('href', t.href);
      a.dataset.card = t.id;
      return;
    case 'served':
    case 'external':
      a.setAttribute('href', t.href);
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noreferrer');
      return;
    case 'repository': {
      const code = a.ownerDocument.createElement('code');
      code.className = 'model-card-path';
      code.title = REPOSITORY_TITLE;
      code.textContent = t.path;
      // The link's text is the path already (as in the shipped cards): the code replaces it.
      // Otherwise the text stays, followed by the path.
      if (a.textContent?.trim() === t.path) a.replaceWith(code);
      else a.replaceWith(...Array.from(a.childNodes), ' (', code, ')');
      return;
    }
    case 'text':
      a.replaceWith(...Array.from(a.childNodes));
  }
}

function rewriteImage(img: HTMLImageElement, cardId: string, assetBase: string): void {
  const t = cardHref(img.getAttribute('src') ?? '', cardId, assetBase);
  // Only the app's own files load (img-src 'self'); any other image is shown as its alt text.
  if (t.kind === 'served') img.setAttribute('src', t.href);
  else img.replaceWith(img.alt);
}

/** A wide table scrolls sideways inside a wrapper, keeping its own display (and table semantics). */
function wrapTable(table: HTMLTableElement): void {
  const wrap = table.ownerDocument.createElement('div');
  wrap.className = 'model-card-table';
  wrap.tabIndex = 0;
  table.replaceWith(wrap);
  wrap.append(table);
}
