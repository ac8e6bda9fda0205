import { ALL_WEBHOOK_EVENTS, WEBHOOK_EVENT_CATALOGUE, WEBHOOK_EVENT_TYPES } from '@onepin/core';
import { type FormEvent, useState } from 'react';
import { ApiRequestError, type Webhook, type WebhookWithSecret } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorNotice } from '../../components/notice.js';
import { useApi } from '../../session.js';
import { Field } from '../auth-card.js';

interface WebhookFormDialogProps {
  /** The webhook to edit; none to create one. */
  webhook?: Webhook;
  onClose(): void;
  onSaved(webhook: Webhook | WebhookWithSecret): void;
}

/** Creates a webhook (URL, events, live or test) or changes one (URL, description, events). */
export function WebhookFormDialog({ webhook, onClose, onSaved }: WebhookFormDialogProps) {
  const api = useApi();
  const [all, setAll] = useState(webhook?.events.includes(ALL_WEBHOOK_EVENTS) ?? false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) =>
    error instanceof ApiRequestError ? error.detail(field) : undefined;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get('description') ?? '').trim();
    const body = {
      url: String(form.get('url')).trim(),
      description: description === '' ? null : description,
      events: all ? [ALL_WEBHOOK_EVENTS] : form.getAll('events').map(String),
      ...(!webhook && { environment: String(form.get('environment')) }),
    };
    setBusy(true);
    setError(null);
    try {
      const { data } = webhook
        ? await api<Webhook>('PATCH', `/api/v1/webhooks/${webhook.id}`, body)
        : await api<WebhookWithSecret>('POST', '/api/v1/webhooks', body);
      onSaved(data);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog title={webhook ? 'Edit webhook' : 'Add a webhook'} onClose={onClose}>
      <form onSubmit={save} className="form">
        <Field
          id="webhook-url"
          name="url"
          label="Endpoint URL"
          type="url"
          required
          maxLength={2048}
          defaultValue={webhook?.url}
          placeholder="https://example.com/onepin/events"
          hint="OnePin POSTs signed JSON here (Standard Webhooks). Private and local addresses are refused."
          error={fieldError('url')}
        />
        <Field
          id="webhook-description"
          name="description"
          label="Description (optional)"
          maxLength={500}
          defaultValue={webhook?.description ?? ''}
          error={fieldError('description')}
        />
        <fieldset>
          <legend>Events</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={all}
              onChange={(event) => setAll(event.target.checked)}
            />
            <span>
              <strong>All events</strong>{' '}
              <span className="hint">Including events added later.</span>
            </span>
          </label>
          {!all &&
            WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="choice">
                <input
                  type="checkbox"
                  name="events"
                  value={type}
                  defaultChecked={webhook?.events.includes(type)}
                />
                <span>
                  <code>{type}</code> <span className="hint">{WEBHOOK_EVENT_CATALOGUE[type]}</span>
                </span>
              </label>
            ))}
          {fieldError('events') && <p className="field-error">{fieldError('events')}</p>}
        </fieldset>
        {!webhook && (
          <fieldset>
            <legend>Events of</legend>
            <label className="choice">
              <input type="radio" name="environment" value="live" defaultChecked />
              <span>
                <strong>Live</strong> <span className="hint">Live keys, and members.</span>
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="environment" value="test" />
              <span>
                <strong>Test</strong> <span className="hint">Test keys only.</span>
              </span>
            </label>
          </fieldset>
        )}
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : webhook ? 'Save' : 'Add webhook'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
