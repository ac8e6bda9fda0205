import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError, type ServiceToken, type ServiceTokenWithToken } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorNotice, InfoNotice } from '../../components/notice.js';
import { formatAgo, formatTime } from '../../format.js';
import { useApi, useSignedIn } from '../../session.js';
import { SecretDialog } from '../api-keys/secret-dialog.js';
import { Field } from '../auth-card.js';

/** Which dialog is open. The token lives only in the `secret` one, and dies with it. */
type OpenDialog =
  | { kind: 'create' }
  | { kind: 'revoke'; token: ServiceToken }
  | { kind: 'secret'; token: ServiceTokenWithToken };

/**
 * Settings → Service tokens (instance admins only): the tokens with which the operator's own
 * services call the verify API. Made here or with `onepin-server admin create-service-token`;
 * the token is shown once, in the same dialog as a new API key's.
 */
export function ServiceTokensPage() {
  const session = useSignedIn();
  if (!session.instance_admin) {
    return (
      <section aria-labelledby="service-tokens-title">
        <h1 id="service-tokens-title">Service tokens</h1>
        <InfoNotice>
          Only instance admins manage service tokens. The person who set up this server is one; the
          server's operator can make others.
        </InfoNotice>
      </section>
    );
  }
  return <InstanceAdminServiceTokens />;
}

function InstanceAdminServiceTokens() {
  const api = useApi();
  const [tokens, setTokens] = useState<ServiceToken[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [done, setDone] = useState<{ text: string } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

  const reload = useCallback(async () => {
    try {
      const { data } = await api<ServiceToken[]>('GET', '/api/v1/service-tokens');
      setTokens(data);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="service-tokens-title" className="page">
      <div className="page-header">
        <div>
          <h1 id="service-tokens-title">Service tokens</h1>
          <p className="intro">
            Your own services use a service token to check the OnePin keys their callers present
            (the verify API). A service token can do nothing else. They belong to the whole server,
            not to a workspace.
          </p>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setDialog({ kind: 'create' })}
        >
          Create service token
        </button>
      </div>

      <ErrorNotice error={error} />
      {done !== null && (
        <p ref={doneRef} className="notice notice-info" role="status" tabIndex={-1}>
          {done.text}
        </p>
      )}
      {tokens && (
        <ServiceTokenTable
          tokens={tokens}
          onRevoke={(token) => setDialog({ kind: 'revoke', token })}
        />
      )}

      {dialog?.kind === 'create' && (
        <CreateServiceTokenDialog
          onClose={() => setDialog(null)}
          onCreated={(token) => {
            setDialog({ kind: 'secret', token });
            void reload();
          }}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Revoke “${dialog.token.name}”?`}
          confirmLabel={`Revoke “${dialog.token.name}”`}
          onConfirm={async () => {
            await api('DELETE', `/api/v1/service-tokens/${dialog.token.id}`);
            // The list first, so the message is said over a row that already shows it.
            await reload();
            setDone({
              text: `Revoked “${dialog.token.name}” (${dialog.token.preview}). It stopped working.`,
            });
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        >
          <p>
            Every service that uses <code>{dialog.token.preview}</code> can no longer verify keys
            from its very next request. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'secret' && (
        <SecretDialog
          apiKey={{ name: dialog.token.name, api_key: dialog.token.token }}
          what="service token"
          fieldLabel="Your new service token"
          note="Store it in the secrets of the service that uses it now: OnePin keeps only a hash and cannot show it again."
          hint={
            <>
              Your service sends it as <code>Authorization: Bearer …</code> to{' '}
              <code>POST /api/v1/keys/verify</code> (or gives it to <code>@onepin/verify</code>).
            </>
          }
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

/** The tokens, as a table on a wide screen and as one card per token on a phone. */
function ServiceTokenTable({
  tokens,
  onRevoke,
}: {
  tokens: ServiceToken[];
  onRevoke(token: ServiceToken): void;
}) {
  if (tokens.length === 0) return <p className="empty">No service tokens yet.</p>;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="cards-on-phone">
        <caption className="visually-hidden">Service tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td data-label="Token">
                <code>{token.preview}</code>
              </td>
              <td data-label="Created">{formatTime(token.created_at)}</td>
              <td data-label="Last used">
                {token.last_used_at === null ? (
                  'Never'
                ) : (
                  <time dateTime={token.last_used_at} title={formatTime(token.last_used_at)}>
                    {formatAgo(token.last_used_at, 'Never', now)}
                  </time>
                )}
              </td>
              <td data-label="Status">
                <span className={`status status-${token.status}`}>
                  {token.status === 'active' ? 'Active' : `Revoked ${formatTime(token.revoked_at)}`}
                </span>
              </td>
              <td className="actions">
                {token.status === 'active' && (
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => onRevoke(token)}
                  >
                    Revoke<span className="visually-hidden"> {token.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The form for a new token: its name alone. */
function CreateServiceTokenDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(token: ServiceTokenWithToken): void;
}) {
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { data } = await api<ServiceTokenWithToken>('POST', '/api/v1/service-tokens', {
        name: String(form.get('name')),
      });
      onCreated(data);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Create a service token" onClose={onClose}>
      <form onSubmit={create} className="form">
        <Field
          id="service-token-name"
          name="name"
          label="Name"
          required
          maxLength={100}
          hint="The service that will use it, e.g. “billing-api”."
          error={error instanceof ApiRequestError ? error.detail('name') : undefined}
        />
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create service token'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
