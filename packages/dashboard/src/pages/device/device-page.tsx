import { type FormEvent, useState } from 'react';
import type { DeviceApproval, DeviceRequest } from '../../api.js';
import { ErrorNotice, InfoNotice } from '../../components/notice.js';
import { formatTime } from '../../format.js';
import { Link } from '../../router.js';
import { useApi, useSession } from '../../session.js';
import { AuthCard, Field } from '../auth-card.js';
import { SignInForm } from '../login-page.js';
import { DeviceReview } from './device-review.js';

type Stage =
  | { kind: 'enter' }
  | { kind: 'review'; request: DeviceRequest }
  | { kind: 'approved'; approval: DeviceApproval }
  | { kind: 'denied' };

/** The code from `verification_uri_complete` (`/device?code=…`), read once. */
function codeFromAddress(): string {
  const code = new URLSearchParams(window.location.search).get('code') ?? '';
  // Like one-time links, the code is taken out of the address bar (history, copied URLs).
  if (code) window.history.replaceState(null, '', window.location.pathname);
  return code;
}

/**
 * `/device`: approving a device sign-in (`onepin login --web`, RFC 8628). Signed out, it asks
 * to sign in first and carries on here; then the person types or confirms the code from their
 * terminal, sees what is asking (program, computer, address, time) and decides what the
 * key may do — or denies it.
 */
export function DevicePage() {
  const { state } = useSession();
  const [code] = useState(codeFromAddress);
  if (state.status !== 'signed-in') {
    return (
      <AuthCard
        title="Sign in to connect a device"
        intro="A program asked to sign in to OnePin through this page. Sign in first; you will then see what is asking before you decide."
      >
        <SignInForm stay />
      </AuthCard>
    );
  }
  return <SignedInDevicePage initialCode={code} email={state.session.user.email} />;
}

function SignedInDevicePage({ initialCode, email }: { initialCode: string; email: string }) {
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ kind: 'enter' });
  const [typed, setTyped] = useState(initialCode);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function lookUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const path = `/api/v1/device?user_code=${encodeURIComponent(typed.trim())}`;
      setStage({ kind: 'review', request: (await api<DeviceRequest>('GET', path)).data });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (stage.kind === 'approved') {
    const { approval } = stage;
    return (
      <AuthCard title="Device approved">
        <p role="status">
          Go back to your terminal: it receives the key “{approval.key_name}” for{' '}
          <strong>{approval.workspace_name}</strong> ({approval.key_type}), which works until{' '}
          {formatTime(approval.key_expires_at)}.
        </p>
        <p className="hint">
          It is listed under <Link href="/settings/api-keys">API keys</Link>; revoke it there, or
          with <code>onepin logout</code> on that computer.
        </p>
      </AuthCard>
    );
  }
  if (stage.kind === 'denied') {
    return (
      <AuthCard title="Device denied">
        <p role="status">The program was refused and got no key. You can close this page.</p>
      </AuthCard>
    );
  }
  if (stage.kind === 'review') {
    return (
      <AuthCard title="Approve this device?">
        <DeviceReview
          request={stage.request}
          onApproved={(approval) => setStage({ kind: 'approved', approval })}
          onDenied={() => setStage({ kind: 'denied' })}
          onBack={() => setStage({ kind: 'enter' })}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Connect a device"
      intro="Enter the code your terminal shows (onepin login --web). You will see what is asking before anything is granted."
    >
      <form onSubmit={lookUp} className="form" aria-label="Device code">
        <InfoNotice>Signed in as {email}.</InfoNotice>
        <ErrorNotice error={error} />
        <Field
          id="user-code"
          name="user_code"
          label="Code"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          placeholder="XXXX-XXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          required
          autoFocus={initialCode === ''}
          className="device-code-input"
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Looking it up…' : 'Continue'}
        </button>
      </form>
    </AuthCard>
  );
}
