import { type ReactNode, useState } from 'react';
import { Dialog } from './dialog.js';
import { ErrorNotice } from './notice.js';

interface ConfirmDialogProps {
  title: string;
  /** The destructive button's text, naming what it acts on. */
  confirmLabel: ReactNode;
  /** Does it; a failure stays in the dialog, which can then be tried again or cancelled. */
  onConfirm(): Promise<void>;
  onClose(): void;
  /** What happens, said before it does. */
  children: ReactNode;
}

/** Asks before an action that cannot be undone, and does it once confirmed. */
export function ConfirmDialog({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  children,
}: ConfirmDialogProps) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} role="alertdialog">
      {children}
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        {/* The least destructive choice takes focus when a confirmation opens (WAI-ARIA alertdialog). */}
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
