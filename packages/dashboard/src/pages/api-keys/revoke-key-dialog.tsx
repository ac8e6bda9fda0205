import type { ApiKey } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
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
  return (
    <ConfirmDialog
      title={`Revoke “${apiKey.name}”?`}
      confirmLabel={`Revoke “${apiKey.name}”`}
      onConfirm={async () => {
        await api('DELETE', `/api/v1/api-keys/${apiKey.id}`);
        onRevoked();
      }}
      onClose={onClose}
    >
      <p>
        Everything that uses <code>{apiKey.preview}</code> gets <strong>401 Invalid API key</strong>{' '}
        from its very next request. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
