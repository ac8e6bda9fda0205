import { useState } from 'react';
import type { Webhook, WebhookDelivery } from '../../api.js';
import { ErrorNotice } from '../../components/notice.js';
import { Pager } from '../../components/pager.js';
import { formatTime } from '../../format.js';
import { useOffsetPage } from '../../offset-page.js';
import { useApi } from '../../session.js';

const PAGE_SIZE = 10;

/** What the last attempt said: a status code, or why there was none. */
function lastAnswer(delivery: WebhookDelivery): string {
  if (delivery.attempts === 0) return 'not sent yet';
  if (delivery.last_status_code !== null) return `HTTP ${delivery.last_status_code}`;
  return delivery.last_error ?? 'no answer';
}

/** A webhook's delivery log, newest first, with a redeliver button per delivery. */
export function DeliveriesPanel({ webhook, canWrite }: { webhook: Webhook; canWrite: boolean }) {
  const api = useApi();
  const { page, offset, error, reload, previous, next } = useOffsetPage<WebhookDelivery>(
    `/api/v1/webhooks/${webhook.id}/deliveries`,
    PAGE_SIZE,
  );
  const [actionError, setActionError] = useState<unknown>(null);

  async function redeliver(delivery: WebhookDelivery) {
    setActionError(null);
    try {
      await api('POST', `/api/v1/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`);
      reload();
    } catch (caught) {
      setActionError(caught);
    }
  }

  return (
    <div className="deliveries">
      <ErrorNotice error={error ?? actionError} />
      {page && page.items.length === 0 && <p className="empty">No deliveries yet.</p>}
      {page && page.items.length > 0 && (
        <ul className="delivery-list" aria-label={`Deliveries to ${webhook.url}`}>
          {page.items.map((delivery) => (
            <li key={delivery.id} className="delivery">
              <div className="delivery-head">
                <code>{delivery.event_type}</code>
                <span className={`status status-delivery-${delivery.status}`}>
                  {delivery.status}
                </span>
              </div>
              <p className="hint">
                {formatTime(delivery.created_at)} · {delivery.attempts} attempt
                {delivery.attempts === 1 ? '' : 's'} · {lastAnswer(delivery)}
                {delivery.next_attempt_at && ` · next ${formatTime(delivery.next_attempt_at)}`}
              </p>
              {canWrite && webhook.active && (
                <button type="button" className="button" onClick={() => redeliver(delivery)}>
                  Redeliver<span className="visually-hidden"> {delivery.event_type}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {page && page.total > PAGE_SIZE && (
        <Pager
          label="Delivery pages"
          summary={`${offset + 1}–${offset + page.items.length} of ${page.total}`}
          onPrevious={previous}
          onNext={next}
        />
      )}
    </div>
  );
}
