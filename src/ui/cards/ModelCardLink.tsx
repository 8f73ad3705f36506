// "model card": a link-styled button that opens the learner's model card in a dialog (ModelCardDialog,
// put at the end of <body> so it nests in no panel) and takes the focus back when it closes. All it needs
// comes as props: the learner id and the app's base URL.
import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ModelCardDialog } from './ModelCardDialog';

export interface ModelCardLinkProps {
  /** A shipped learner: its card is public/learners/<learnerId>.md. */
  readonly learnerId: string;
  /** Where the app is served: import.meta.env.BASE_URL. */
  readonly assetBase: string;
  /** data-testid of the button (default "model-card-link", the VSML learner's). */
  readonly testId?: string;
  /** Whose card, where several buttons sit together: the accessible name becomes "model card: <of>". */
  readonly of?: string;
}

export function ModelCardLink({ learnerId, assetBase, testId = 'model-card-link', of }: ModelCardLinkProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);
  return (
    <>
      <button
        type="button"
        className="link model-card-link"
        ref={opener}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid={testId}
        aria-label={of === undefined ? undefined : `model card: ${of}`}
      >
        model card
      </button>
      {open &&
        createPortal(<ModelCardDialog cardId={learnerId} assetBase={assetBase} onClose={close} />, document.body)}
    </>
  );
}
