import { type FormEvent, useEffect, useState } from 'react';
import { ApiRequestError, apiRequest, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';
import { AuthCard, Field } from './auth-card.js';
import { useLinkToken } from './link-token.js';

interface Invitation {
  email: string;
  workspace_name: string;
}

/** A member added by email sets their password with the one-time link an admin gave them. */
export function InvitePage() {
  const token = useLinkToken();
  const { signedIn } = useSession();
  const [invitation, setInvitation] = useState<Invitation | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return setInvitation(null);
    apiRequest<Invitation>('GET', `/api/v1/invitation?token=${encodeURIComponent(token)}`)
      .then(({ data }) => setInvitation(data))
      .catch(() => setInvitation(null));
  }, [token]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get('password') !== form.get('confirm')) {
      setError(new ApiRequestError(422, 'VALIDATION_ERROR', 'The two passwords differ.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { data } = await apiRequest<Session>('POST', '/api/v1/invitation', {
        token,
        password: String(form.get('password')),
      });
      signedIn(data);
      navigate('/settings/api-keys', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  if (invitation === undefined)
    return <AuthCard title="Join a workspace">Checking the link…</AuthCard>;
  if (invitation === null) {
    return (
      <AuthCard title="This link cannot be used">
        <p>
          It has expired or was already used. Ask an admin of the workspace for a new one, or{' '}
          <Link href="/login">sign in</Link>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${invitation.workspace_name}`}
      intro={`Choose a password for ${invitation.email}.`}
    >
      <form onSubmit={submit} className="form">
        <ErrorNotice error={error} />
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        <Field
          id="password"
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={1024}
          required
          autoFocus
          hint="At least 10 characters."
        />
        <Field
          id="confirm"
          name="confirm"
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
