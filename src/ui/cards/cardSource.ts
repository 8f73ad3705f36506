// Fetches one model card's Markdown from the app (learners/<id>.md) as UTF-8 text, whatever charset
// the server names (static hosts serve .md as text/markdown with none, so the browser's own view showed
// "5Ã—5"). A failed fetch is a value: one line naming the file and the reason.
import { cardUrl } from './cardHref';
import { errorMessage } from '../../model/result';

export type CardText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

type Fetcher = (url: string, init: { signal?: AbortSignal }) => Promise<Response>;

/** Card `id` from the app served at `assetBase`; `signal` aborts it (a rejection, for the caller to drop). */
export async function loadCardText(
  assetBase: string,
  id: string,
  signal?: AbortSignal,
  fetcher: Fetcher = fetch,
): Promise<CardText> {
  const url = cardUrl(assetBase, id);
  const file = `learners/${id}.md`;
  let response: Response;
  try {
    response = await fetcher(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, message: `${file}: could not be fetched (${errorMessage(e)})` };
  }
  if (!response.ok)
    return {
      ok: false,
      message: `${file}: could not be fetched (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''})`,
    };
  // Response.text() always decodes as UTF-8, ignoring the Content-Type's charset; fatal, so that a
  // card saved in another encoding is named instead of shown garbled.
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(await response.arrayBuffer()) };
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, message: `${file}: is not UTF-8 text` };
  }
}
