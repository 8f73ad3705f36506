// What a link in a model card becomes in the page. The cards are the repository's
// public/learners/<id>.md, written so that their relative links work where the repository is read
// (its files, GitHub); the app serves only public/, so each href is resolved as a repository path and
// then sorted: another card, a file the app serves, a repository file it does not serve (shown as code
// text naming the path, never a dead link), an external http(s) page, or nothing to follow.
// Pure: strings in, a value out.

/** Where the model cards sit in the repository; the app serves public/ at its base URL. */
const SERVED_ROOT = 'public/';
const CARD_PATH = /^public\/learners\/([A-Za-z0-9][A-Za-z0-9._-]*)\.md$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** A base for resolving repository paths with the URL parser (it clamps `..` at the root). */
const REPO_ORIGIN = 'http://repository.invalid/';

export type CardHref =
  /** Another model card: opens in the same dialog; `href` fetches its Markdown. */
  | { readonly kind: 'card'; readonly id: string; readonly href: string }
  /** A file the app serves (under public/), e.g. a learner file: opens in a new tab. */
  | { readonly kind: 'served'; readonly href: string }
  /** A repository file the app does not serve (docs/, configs/, src/): code text naming `path`. */
  | { readonly kind: 'repository'; readonly path: string }
  /** An http(s) page elsewhere: opens in a new tab, rel="noreferrer". */
  | { readonly kind: 'external'; readonly href: string }
  /** Nothing to follow (an empty href, a bare #fragment, a mailto:, javascript: or data: URL): plain text. */
  | { readonly kind: 'text' };

/** The href of card `id` in the app, as LearnerPanel's old link and the fetch use it. */
export const cardUrl = (assetBase: string, id: string): string => `${assetBase}learners/${id}.md`;

/**
 * What `href`, found in the card of learner `cardId` (public/learners/<cardId>.md in the repository),
 * becomes in the app served at `assetBase` (import.meta.env.BASE_URL, e.g. "/" or "./").
 */
export function cardHref(href: string, cardId: string, assetBase: string): CardHref {
  const h = href.trim();
  if (h === '' || h.startsWith('#')) return { kind: 'text' };
  if (h.startsWith('//')) return { kind: 'external', href: `https:${h}` };
  const scheme = SCHEME.exec(h)?.[1]?.toLowerCase();
  if (scheme !== undefined)
    return scheme === 'http' || scheme === 'https' ? { kind: 'external', href: h } : { kind: 'text' };
  // A path: relative to the card's own place in the repository, or (leading "/") to the repository root.
  const url = new URL(h, `${REPO_ORIGIN}${SERVED_ROOT}learners/${cardId}.md`);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).slice(1);
  } catch {
    return { kind: 'text' };
  }
  if (path === '') return { kind: 'text' };
  const card = CARD_PATH.exec(path);
  if (card) return { kind: 'card', id: card[1], href: cardUrl(assetBase, card[1]) };
  if (path.startsWith(SERVED_ROOT) && !path.endsWith('/')) {
    return {
      kind: 'served',
      href: `${assetBase}${url.pathname.slice(1 + SERVED_ROOT.length)}${url.search}${url.hash}`,
    };
  }
  return { kind: 'repository', path };
}
