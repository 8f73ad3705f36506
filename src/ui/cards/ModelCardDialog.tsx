// The model-card dialog: a modal <dialog> (labelled by its heading) showing one learner's card,
// fetched as UTF-8 and rendered from Markdown (renderCard). Links to another card open that card here;
// the close button and Escape close it, and the opener gets focus back (ModelCardLink).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { loadCardText, type CardText } from './cardSource';
import { renderCard } from './renderCard';
import './modelCard.css';

export interface ModelCardDialogProps {
  /** The learner whose card opens first (public/learners/<id>.md). */
  readonly cardId: string;
  /** Where the app is served: import.meta.env.BASE_URL. */
  readonly assetBase: string;
  /** The dialog closed (close button, Escape). */
  readonly onClose: () => void;
}

export function ModelCardDialog({ cardId, assetBase, onClose }: ModelCardDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [shown, setShown] = useState(cardId);
  const [loaded, setLoaded] = useState<{ readonly id: string; readonly card: CardText } | null>(null);
  const card = loaded?.id === shown ? loaded.card : null;

  // Opened once, on mount. No close on unmount: a dialog taken out of the page leaves the top layer by
  // itself, and a close() there would queue a close event for a dialog React may have shown again.
  useEffect(() => {
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    loadCardText(assetBase, shown, ac.signal).then(
      (c) => setLoaded({ id: shown, card: c }),
      () => {}, // aborted: a newer card or the closed dialog took over
    );
    return () => ac.abort();
  }, [assetBase, shown]);

  const rendered = useMemo(() => (card?.ok ? renderCard(card.text, shown, assetBase) : null), [card, shown, assetBase]);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    body.replaceChildren(rendered ? rendered.body.cloneNode(true) : '');
    body.scrollTop = 0;
  }, [rendered]);

  // A card reached from another card's link: focus its heading, since the link that had focus is gone.
  useEffect(() => {
    if (shown !== cardId && rendered) headingRef.current?.focus();
  }, [shown, cardId, rendered]);

  const followCardLink = (e: MouseEvent<HTMLDivElement>) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-card]') : null;
    if (!a?.dataset.card || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    setShown(a.dataset.card);
  };

  const title = rendered?.title ?? `Model card: ${shown}`;
  return (
    <dialog
      ref={dialogRef}
      className="model-card-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="model-card"
    >
      <header className="model-card-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" onClick={() => dialogRef.current?.close()} data-testid="model-card-close">
          close
        </button>
      </header>
      {!card && (
        <p className="muted" role="status">
          loading learners/{shown}.md…
        </p>
      )}
      {card && !card.ok && (
        <p className="banner banner-error" role="alert" data-testid="model-card-error">
          {card.message}
        </p>
      )}
      <div ref={bodyRef} className="model-card-body" aria-busy={!card} onClick={followCardLink} />
    </dialog>
  );
}
