import { useEffect, useRef, useState } from 'react';
import type { CreatedApiKey } from '../../api.js';
import { CopyField } from '../../components/copy-field.js';
import { Dialog } from '../../components/dialog.js';

/**
 * Shows a key's plaintext exactly once. It exists only in this dialog's props: closing the
 * dialog drops it, and nothing keeps it (no storage, no URL), so it cannot be reopened.
 * Escape, the close button or a click beside the dialog first ask "close?" unless the key
 * was copied; "I have stored it safely" closes at once (the person just said so).
 */
export function SecretDialog({
  apiKey,
  note,
  onClose,
}: {
  apiKey: CreatedApiKey;
  note: string;
  onClose(): void;
}) {
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  const keepOpen = useRef<HTMLButtonElement>(null);
  const attemptClose = () => (copied ? onClose() : setAsking(true));

  useEffect(() => {
    if (asking) keepOpen.current?.focus();
  }, [asking]);

  return (
    <Dialog
      title={`Your new key “${apiKey.name}”`}
      onClose={attemptClose}
      onBackdropClick={attemptClose}
    >
      <p className="notice notice-warning">This is the only time the key is shown. {note}</p>
      <CopyField label="Your new API key" value={apiKey.api_key} onCopied={() => setCopied(true)} />
      <p className="hint">
        Use it with <code>onepin login --key …</code>, or send it as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      {asking ? (
        <div className="confirm-close" role="alert">
          <p>
            <strong>You will not see this key again — close?</strong> It was not copied. OnePin
            keeps only a hash of it.
          </p>
          <div className="dialog-actions">
            <button
              ref={keepOpen}
              type="button"
              className="button button-primary"
              onClick={() => setAsking(false)}
            >
              Keep it open
            </button>
            <button type="button" className="button button-danger" onClick={onClose}>
              Close without copying
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            I have stored it safely
          </button>
        </div>
      )}
    </Dialog>
  );
}
