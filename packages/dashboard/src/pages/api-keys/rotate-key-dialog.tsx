import { type FormEvent, useState } from 'react';
import type { ApiKey, CreatedApiKey } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorNotice } from '../../components/notice.js';
import { useApi } from '../../session.js';

/** How long the old key keeps working after a rotation. */
const GRACE_PERIODS = [
  { seconds: 0, label: 'Now', hint: 'The old key stops working immediately.' },
  { seconds: 3_600, label: '1 hour', hint: 'Time to deploy the new key.' },
  { seconds: 86_400, label: '24 hours', hint: 'For slower rollouts.' },
  { seconds: 604_800, label: '7 days', hint: 'For keys spread over many places.' },
] as const;
/** One hour: enough to deploy a new key, short enough to stop a leaked one soon. */
const DEFAULT_GRACE = 1;

interface RotateKeyDialogProps {
  apiKey: ApiKey;
  onClose(): void;
  onRotated(oldKey: ApiKey, newKey: CreatedApiKey): void;
}

/** Replaces a key with a new secret (same name, scopes and settings), with a grace period. */
export function RotateKeyDialog({ apiKey, onClose, onRotated }: RotateKeyDialogProps) {
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function rotate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const grace = Number(new FormData(event.currentTarget).get('grace'));
    setBusy(true);
    try {
      const { data } = await api<{ old_key: ApiKey; new_key: CreatedApiKey }>(
        'PATCH',
        `/api/v1/api-keys/${apiKey.id}/rotate`,
        { grace_period_seconds: grace },
      );
      onRotated(data.old_key, data.new_key);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Rotate “${apiKey.name}”`} onClose={onClose}>
      <form onSubmit={rotate} className="form">
        <p>
          A new key with the same name, scopes and limits replaces <code>{apiKey.preview}</code>.
          Its plaintext is shown once.
        </p>
        <fieldset>
          <legend>When should the old key stop working?</legend>
          {GRACE_PERIODS.map((period, index) => (
            <label key={period.seconds} className="choice">
              <input
                type="radio"
                name="grace"
                value={period.seconds}
                defaultChecked={index === DEFAULT_GRACE}
                data-autofocus={index === DEFAULT_GRACE || undefined}
              />
              <span>
                <strong>{period.label}</strong> <span className="hint">{period.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Rotate key
          </button>
        </div>
      </form>
    </Dialog>
  );
}
