import { useState } from 'react';
import type { Webhook, WebhookWithSecret } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorNotice, InfoNotice } from '../../components/notice.js';
import { Pager } from '../../components/pager.js';
import { formatTime } from '../../format.js';
import { useOffsetPage } from '../../offset-page.js';
import { useApi, useSignedIn } from '../../session.js';
import { DeliveriesPanel } from './deliveries-panel.js';
import { WebhookFormDialog } from './webhook-form-dialog.js';
import { WebhookSecretDialog } from './webhook-secret-dialog.js';

const PAGE_SIZE = 20;
const DAY_SECONDS = 86_400;

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; webhook: Webhook }
  | { kind: 'rotate'; webhook: Webhook }
  | { kind: 'delete'; webhook: Webhook }
  | { kind: 'secret'; webhook: WebhookWithSecret; note: string };

/** Settings → Webhooks: where key and member events are sent, and how each delivery went. */
export function WebhooksPage() {
  const session = useSignedIn();
  if (session.scopes.includes('webhooks:read')) return <Webhooks />;
  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <InfoNotice>Only admins manage webhooks: their URLs and logs are for admins only.</InfoNotice>
    </section>
  );
}

function Webhooks() {
  const session = useSignedIn();
  const api = useApi();
  const canWrite = session.scopes.includes('webhooks:write');
  const { page, offset, error, reload, previous, next } = useOffsetPage<Webhook>(
    '/api/v1/webhooks',
    PAGE_SIZE,
  );
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);

  async function toggle(webhook: Webhook) {
    setToggleError(null);
    try {
      await api('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: !webhook.active });
      reload();
    } catch (caught) {
      setToggleError(caught);
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <div className="page-header">
        <div>
          <h1 id="webhooks-title">Webhooks</h1>
          <p className="intro">
            OnePin tells your endpoints when keys are created, changed, revoked, expire, leak or hit
            their rate limit, and when members come and go. Each delivery is signed.
          </p>
        </div>
        {canWrite && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'create' })}
          >
            Add webhook
          </button>
        )}
      </div>

      <ErrorNotice error={error ?? toggleError} />
      {page && page.items.length === 0 && <p className="empty">No webhooks yet.</p>}
      {page && page.items.length > 0 && (
        <ul className="webhook-list">
          {page.items.map((webhook) => (
            <li key={webhook.id} className="webhook-card">
              <div className="webhook-head">
                <code className="webhook-url">{webhook.url}</code>
                <span>
                  <span className={`badge badge-${webhook.environment}`}>
                    {webhook.environment}
                  </span>
                  <span className={`status ${webhook.active ? 'status-active' : 'status-revoked'}`}>
                    {webhook.active ? ' active' : ' disabled'}
                  </span>
                </span>
              </div>
              {webhook.description && <p>{webhook.description}</p>}
              <p className="hint">
                {webhook.events.includes('*') ? 'All events' : webhook.events.join(', ')} · added{' '}
                {formatTime(webhook.created_at)}
                {webhook.previous_secret_expires_at &&
                  ` · the old secret signs too until ${formatTime(webhook.previous_secret_expires_at)}`}
              </p>
              <div className="webhook-actions">
                <button
                  type="button"
                  className="button"
                  aria-expanded={open === webhook.id}
                  onClick={() => setOpen(open === webhook.id ? null : webhook.id)}
                >
                  Deliveries
                </button>
                {canWrite && (
                  <>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setDialog({ kind: 'edit', webhook })}
                    >
                      Edit
                    </button>
                    <button type="button" className="button" onClick={() => toggle(webhook)}>
                      {webhook.active ? 'Disable' : 'Enable'}
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setDialog({ kind: 'rotate', webhook })}
                    >
                      Rotate secret
                    </button>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => setDialog({ kind: 'delete', webhook })}
                    >
                      Delete
                    </button>
                  </>
                )}
              </div>
              {open === webhook.id && <DeliveriesPanel webhook={webhook} canWrite={canWrite} />}
            </li>
          ))}
        </ul>
      )}
      {page && page.total > PAGE_SIZE && (
        <Pager
          label="Webhook pages"
          summary={`${offset + 1}–${offset + page.items.length} of ${page.total}`}
          onPrevious={previous}
          onNext={next}
        />
      )}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <WebhookFormDialog
          {...(dialog.kind === 'edit' && { webhook: dialog.webhook })}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            reload();
            setDialog(
              'secret' in saved
                ? {
                    kind: 'secret',
                    webhook: saved,
                    note: 'Give it to your endpoint: it verifies every delivery with it.',
                  }
                : null,
            );
          }}
        />
      )}
      {dialog?.kind === 'rotate' && (
        <ConfirmDialog
          title="Rotate the signing secret"
          confirmLabel="Rotate secret"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const { data } = await api<WebhookWithSecret>(
              'POST',
              `/api/v1/webhooks/${dialog.webhook.id}/rotate-secret`,
              { grace_period_seconds: DAY_SECONDS },
            );
            reload();
            setDialog({
              kind: 'secret',
              webhook: data,
              note: `The old secret keeps signing beside it until ${formatTime(data.previous_secret_expires_at)}: switch your endpoint before then.`,
            });
          }}
        >
          <p>
            A new secret signs deliveries to <code>{dialog.webhook.url}</code> from now on; the
            current one signs beside it for 24 hours, so your endpoint can switch without missing an
            event.
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete webhook"
          confirmLabel="Delete webhook"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api('DELETE', `/api/v1/webhooks/${dialog.webhook.id}`);
            setDialog(null);
            reload();
          }}
        >
          <p>
            Nothing more is sent to <code>{dialog.webhook.url}</code>; pending deliveries and the
            log are deleted.
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'secret' && (
        <WebhookSecretDialog
          webhook={dialog.webhook}
          note={dialog.note}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
