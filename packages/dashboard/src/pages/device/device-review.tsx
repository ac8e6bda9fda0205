import { type FormEvent, useState } from 'react';
import type { DeviceApproval, DeviceRequest } from '../../api.js';
import { ErrorNotice } from '../../components/notice.js';
import { ScopeChoiceText } from '../../components/scope-choice.js';
import { formatTime } from '../../format.js';
import { useScopeCatalogue } from '../../scope-catalogue.js';
import { useApi, useSignedIn } from '../../session.js';

const EXPIRY_DAYS = [7, 30, 90, 365];

/** "3 minutes ago", for how long ago the device asked. */
function minutesAgo(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes === 0) return 'just now';
  return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
}

interface DeviceReviewProps {
  request: DeviceRequest;
  onApproved(approval: DeviceApproval): void;
  onDenied(): void;
  onBack(): void;
}

/**
 * What is asking, and the choices of an approval: workspace, live or test, scopes (never more
 * than the role there allows: the rest are shown but cannot be ticked) and expiry. The
 * warning comes first: approving hands a key to whatever computer started this.
 */
export function DeviceReview({ request, onApproved, onDenied, onBack }: DeviceReviewProps) {
  const api = useApi();
  const session = useSignedIn();
  const catalogue = useScopeCatalogue();
  const firstChoice =
    request.workspaces.find((w) => w.id === session.workspace.id) ?? request.workspaces[0];
  const [workspaceId, setWorkspaceId] = useState(firstChoice?.id ?? '');
  const workspace = request.workspaces.find((w) => w.id === workspaceId) ?? firstChoice;
  const [scopes, setScopes] = useState<ReadonlySet<string>>(
    () => new Set(firstChoice?.default_scopes ?? []),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'approve' | 'deny' | null>(null);

  function chooseWorkspace(id: string) {
    setWorkspaceId(id);
    const chosen = request.workspaces.find((w) => w.id === id);
    setScopes(new Set(chosen?.default_scopes ?? []));
  }

  async function decide(decision: 'approve' | 'deny', form?: FormData) {
    setBusy(decision);
    setError(null);
    try {
      if (decision === 'deny') {
        await api('POST', '/api/v1/device/deny', { user_code: request.user_code });
        onDenied();
        return;
      }
      const { data } = await api<DeviceApproval>('POST', '/api/v1/device/approve', {
        user_code: request.user_code,
        workspace_id: workspaceId,
        key_type: String(form?.get('key_type') ?? 'live'),
        scopes: [...scopes],
        expires_in_days: Number(form?.get('expires_in_days') ?? request.default_expires_in_days),
      });
      onApproved(data);
    } catch (caught) {
      setError(caught);
      setBusy(null);
    }
  }

  const approve = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void decide('approve', new FormData(event.currentTarget));
  };
  const program = [request.client_name ?? 'An unnamed program', request.client_version]
    .filter(Boolean)
    .join(' ');

  return (
    <form onSubmit={approve} className="form device-review" aria-label="Approve this device">
      <div className="notice notice-warning" role="note">
        <strong>Only approve if you just ran </strong>
        <code>onepin login --web</code>
        <strong> yourself</strong> and the code below matches your terminal. Approving gives that
        computer an API key: someone who sent you this link would get it instead.
      </div>
      <dl className="device-details">
        <dt>Code</dt>
        <dd>
          <code className="device-code">{request.user_code}</code>
        </dd>
        <dt>Asked</dt>
        <dd>
          {formatTime(request.requested_at)} ({minutesAgo(request.requested_at)})
        </dd>
        <dt>From address</dt>
        <dd>{request.ip_address ?? 'unknown'}</dd>
        <dt>Computer</dt>
        <dd>{request.host_name ?? 'not given'}</dd>
        <dt>System</dt>
        <dd>{request.os ?? 'not given'}</dd>
        <dt>Program</dt>
        <dd>{program}</dd>
      </dl>
      <p className="hint">
        The address is what this server saw; the computer, system and program are what the device
        says about itself. The code stops working at {formatTime(request.expires_at)}.
      </p>

      <div className="field">
        <label htmlFor="device-workspace">Workspace</label>
        <select
          id="device-workspace"
          value={workspaceId}
          onChange={(event) => chooseWorkspace(event.target.value)}
        >
          {request.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.role})
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Type</legend>
        <label className="choice">
          <input type="radio" name="key_type" value="live" defaultChecked />
          <span>
            <strong>Live</strong> <span className="hint">The workspace’s real data.</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="key_type" value="test" />
          <span>
            <strong>Test</strong> <span className="hint">Only the separate test data.</span>
          </span>
        </label>
      </fieldset>
      <fieldset>
        <legend>What the key may do</legend>
        {workspace &&
          catalogue.some((scope) => !workspace.grantable_scopes.includes(scope.name)) && (
            <p className="hint">
              As {workspace.role} of {workspace.name} you can grant only what your role allows.
            </p>
          )}
        {catalogue.map(({ name: scope, ...info }) => {
          const allowed = workspace?.grantable_scopes.includes(scope) ?? false;
          return (
            <label key={scope} className={allowed ? 'choice' : 'choice choice-disabled'}>
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                disabled={!allowed}
                checked={allowed && scopes.has(scope)}
                onChange={(event) => {
                  const next = new Set(scopes);
                  if (event.target.checked) next.add(scope);
                  else next.delete(scope);
                  setScopes(next);
                }}
              />
              <ScopeChoiceText scope={{ name: scope, ...info }} />
            </label>
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor="device-expiry">Expires</label>
        <select
          id="device-expiry"
          name="expires_in_days"
          defaultValue={String(request.default_expires_in_days)}
        >
          {EXPIRY_DAYS.filter((days) => days <= request.max_expires_in_days).map((days) => (
            <option key={days} value={days}>
              {days === 365 ? 'In 1 year' : `In ${days} days`}
            </option>
          ))}
        </select>
        <p className="hint">The key is named “{request.key_name}”.</p>
      </div>
      <ErrorNotice error={error} />
      <div className="device-actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy !== null}
          onClick={() => void decide('deny')}
        >
          {busy === 'deny' ? 'Denying…' : 'Deny'}
        </button>
        <button type="button" className="button button-quiet" onClick={onBack}>
          Another code
        </button>
      </div>
    </form>
  );
}
