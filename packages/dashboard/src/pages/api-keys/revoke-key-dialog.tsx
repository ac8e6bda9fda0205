import { useState } from 'react';
import type { ApiKey } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorNotice } from '../../components/notice.js';
import { useApi } from '../../session.js';

/** Asks before revoking, naming the key: revocation is immediate and final. */
export function RevokeKeyDialog({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKey;
  onClose(): void;
  onRevoked(): void;
}) {
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    setBusy(true);
    try {
      await api('DELETE', `/api/v1/api-keys/${apiKey.id}`);
      onRevoked();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Revoke “${apiKey.name}”?`} onClose={onClose} role="alertdialog">
      <p>
        Everything that uses <code>{apiKey.preview}</code> gets <strong>401 Invalid API key</strong>{' '}
        from its very next request. This cannot be undone.
      </p>
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        {/* The least destructive choice takes focus when a confirmation opens (WAI-ARIA alertdialog). */}
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={revoke} disabled={busy}>
          Revoke “{apiKey.name}”
        </button>
      </div>
    </Dialog>
  );
}
