import type { CreatedApiKey } from '../../api.js';
import { CopyField } from '../../components/copy-field.js';
import { Dialog } from '../../components/dialog.js';

/**
 * Shows a key's plaintext exactly once. It exists only in this dialog's props: closing the
 * dialog drops it, and nothing keeps it (no storage, no URL), so it cannot be reopened.
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
  return (
    <Dialog title={`Your new key “${apiKey.name}”`} onClose={onClose}>
      <p className="notice notice-warning">This is the only time the key is shown. {note}</p>
      <CopyField label="Your new API key" value={apiKey.api_key} />
      <p className="hint">
        Use it with <code>onepin login --key …</code>, or send it as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          I have stored it safely
        </button>
      </div>
    </Dialog>
  );
}
