import type { WebhookWithSecret } from '../../api.js';
import { CopyField } from '../../components/copy-field.js';
import { Dialog } from '../../components/dialog.js';

/**
 * Shows a webhook's signing secret exactly once: it lives only in this dialog's props, and
 * closing the dialog drops it.
 */
export function WebhookSecretDialog({
  webhook,
  note,
  onClose,
}: {
  webhook: WebhookWithSecret;
  note: string;
  onClose(): void;
}) {
  return (
    <Dialog title="Signing secret" onClose={onClose}>
      <p className="notice notice-warning">This is the only time the secret is shown. {note}</p>
      <CopyField label={`Signing secret for ${webhook.url}`} value={webhook.secret} />
      <p className="hint">
        Your endpoint checks the <code>webhook-signature</code> header with it (Standard Webhooks:
        any Standard Webhooks or Svix library verifies it).
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          I have stored it safely
        </button>
      </div>
    </Dialog>
  );
}
