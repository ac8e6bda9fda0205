import { useEffect, useId, useState } from 'react';
import type { ApiKey, Member } from '../api.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorNotice } from '../components/notice.js';
import { useApi } from '../session.js';

/**
 * Asks before removing a member, listing the keys they made in this workspace that still
 * work: revoking them in the same action is the default, keeping them a deliberate choice
 * (the activity log records which).
 */
export function RemoveMemberDialog({
  member,
  onClose,
  onRemoved,
}: {
  member: Member;
  onClose(): void;
  onRemoved(): void;
}) {
  const api = useApi();
  const checkboxId = useId();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [revokeKeys, setRevokeKeys] = useState(true);

  useEffect(() => {
    let current = true;
    api<ApiKey[]>('GET', `/api/v1/members/${member.id}/api-keys`)
      .then(({ data }) => current && setKeys(data))
      .catch((caught) => current && setLoadError(caught));
    return () => {
      current = false;
    };
  }, [api, member.id]);

  return (
    <ConfirmDialog
      title={`Remove ${member.email}?`}
      confirmLabel={`Remove ${member.email}`}
      onConfirm={async () => {
        await api('DELETE', `/api/v1/members/${member.id}?revoke_keys=${revokeKeys}`);
        onRemoved();
      }}
      onClose={onClose}
    >
      <p>They lose access to this workspace at once.</p>
      <ErrorNotice error={loadError} />
      {keys === null && loadError === null && <p>Looking for their keys…</p>}
      {keys !== null && keys.length === 0 && (
        <p>They have no working API keys in this workspace.</p>
      )}
      {keys !== null && keys.length > 0 && (
        <>
          <p>
            {keys.length === 1 ? 'This key' : `These ${keys.length} keys`} they made here still
            {keys.length === 1 ? ' works' : ' work'}:
          </p>
          <ul className="key-list">
            {keys.map((key) => (
              <li key={key.id}>
                “{key.name}” <code>{key.preview}</code>
              </li>
            ))}
          </ul>
          <label className="choice" htmlFor={checkboxId}>
            <input
              id={checkboxId}
              type="checkbox"
              checked={revokeKeys}
              onChange={(event) => setRevokeKeys(event.target.checked)}
            />
            <span>
              Revoke {keys.length === 1 ? 'it' : 'them'} now (recommended): whatever uses{' '}
              {keys.length === 1 ? 'it' : 'them'} gets 401 from the next request
            </span>
          </label>
        </>
      )}
    </ConfirmDialog>
  );
}
