import { type ReactNode, useEffect, useRef, useState } from 'react';
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
  what = 'key',
  fieldLabel = 'Your new API key',
  hint = (
    <>
      Use it with <code>onepin login --key …</code>, or send it as{' '}
      <code>Authorization: Bearer …</code>.
    </>
  ),
}: {
  /** The secret's name and the secret itself (an API key's `api_key`, a service token…). */
  apiKey: Pick<CreatedApiKey, 'name' | 'api_key'>;
  note: string;
  onClose(): void;
  /** What the secret is called in the copy: `key` (default), `service token`. */
  what?: string;
  fieldLabel?: string;
  /** How to use it, under the field. */
  hint?: ReactNode;
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
      title={`Your new ${what} “${apiKey.name}”`}
      onClose={attemptClose}
      onBackdropClick={attemptClose}
    >
      <p className="notice notice-warning">
        This is the only time the {what} is shown. {note}
      </p>
      <CopyField label={fieldLabel} value={apiKey.api_key} onCopied={() => setCopied(true)} />
      <p className="hint">{hint}</p>
      {asking ? (
        <div className="confirm-close" role="alert">
          <p>
            <strong>You will not see this {what} again — close?</strong> It was not copied. OnePin
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
