// The "?" overlay: a modal <dialog> listing every keyboard shortcut (SHORTCUTS). Escape or the close
// button closes it, and the focus goes back to where it was when it opened.
import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    return () => opener?.focus();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="shortcuts-dialog"
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
