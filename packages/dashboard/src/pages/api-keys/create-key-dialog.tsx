import { type FormEvent, useState } from 'react';
import { ApiRequestError, type CreatedApiKey } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorNotice } from '../../components/notice.js';
import { ScopeChoiceText } from '../../components/scope-choice.js';
import { useScopeCatalogue } from '../../scope-catalogue.js';
import { useApi } from '../../session.js';
import { Field } from '../auth-card.js';

const DAY_MS = 86_400_000;
const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
  { value: 'date', label: 'On a date…' },
] as const;

/** The expiry to send: null for never, else an ISO time (a chosen date ends at local midnight). */
function expiresAt(choice: string, date: string): string | null {
  if (choice === 'never') return null;
  if (choice === 'date') return new Date(`${date}T23:59:59.999`).toISOString();
  return new Date(Date.now() + Number(choice) * DAY_MS).toISOString();
}

interface CreateKeyDialogProps {
  onClose(): void;
  onCreated(key: CreatedApiKey): void;
}

/** The form for a new key: name, scopes, live or test, expiry and rate limit. */
export function CreateKeyDialog({ onClose, onCreated }: CreateKeyDialogProps) {
  const api = useApi();
  const catalogue = useScopeCatalogue();
  const [expiry, setExpiry] = useState('never');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) =>
    error instanceof ApiRequestError ? error.detail(field) : undefined;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rateLimit = String(form.get('rate_limit') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const { data } = await api<CreatedApiKey>('POST', '/api/v1/api-keys', {
        name: String(form.get('name')),
        scopes: form.getAll('scopes').map(String),
        key_type: String(form.get('key_type')),
        expires_at: expiresAt(expiry, String(form.get('expiry_date') ?? '')),
        ...(rateLimit !== '' && { rate_limit_per_min: Number(rateLimit) }),
      });
      onCreated(data);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  return (
    <Dialog title="Create an API key" onClose={onClose}>
      <form onSubmit={create} className="form">
        <Field
          id="key-name"
          name="name"
          label="Name"
          required
          maxLength={120}
          hint="Where the key will be used, e.g. “CI deploys” or “billing service”."
          error={fieldError('name')}
        />
        <fieldset>
          <legend>Scopes</legend>
          <p className="hint">
            Give the key only what it needs. A key without scopes can only call whoami.
          </p>
          {catalogue.map((scope) => (
            <label key={scope.name} className="choice">
              <input type="checkbox" name="scopes" value={scope.name} />
              <ScopeChoiceText scope={scope} />
            </label>
          ))}
          {fieldError('scopes') && <p className="field-error">{fieldError('scopes')}</p>}
        </fieldset>
        <fieldset>
          <legend>Type</legend>
          <label className="choice">
            <input type="radio" name="key_type" value="live" defaultChecked />
            <span>
              <strong>Live</strong>{' '}
              <span className="hint">Works with the workspace’s real data.</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="key_type" value="test" />
            <span>
              <strong>Test</strong> <span className="hint">Sees only the separate test data.</span>
            </span>
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="key-expiry">Expires</label>
          <select
            id="key-expiry"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {expiry === 'date' && (
          <Field
            id="key-expiry-date"
            name="expiry_date"
            label="Expiry date"
            type="date"
            min={tomorrow}
            required
            hint="The key stops working at the end of that day."
            error={fieldError('expires_at')}
          />
        )}
        <Field
          id="key-rate-limit"
          name="rate_limit"
          label="Rate limit (requests per minute, optional)"
          type="number"
          min={1}
          max={1_000_000}
          step={1}
          inputMode="numeric"
          hint="Leave empty for the server’s default."
          error={fieldError('rate_limit_per_min')}
        />
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
