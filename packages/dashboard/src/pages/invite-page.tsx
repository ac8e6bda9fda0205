import { useState } from 'react';
import { ApiRequestError, apiRequest, type Invitation, type Session } from '../api.js';
import { ErrorNotice, InfoNotice } from '../components/notice.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { AuthCard } from './auth-card.js';
import {
  AccountField,
  CurrentPasswordField,
  NewPasswordFields,
  newPassword,
} from './new-password-fields.js';
import { useOneTimeLink } from './one-time-link.js';
import { useSessionForm } from './session-form.js';

/** Joins the signed-in account with the link; the answer is the session in the joined workspace. */
async function acceptSignedIn(token: string, csrfToken: string): Promise<Session> {
  return (await apiRequest<Session>('POST', '/api/v1/invitation/accept', { token }, { csrfToken }))
    .data;
}

/**
 * An invitation link (`/invite?token=…`). The link never says whether the invited email has
 * an account: a new person creates one here with their own password; someone who has one
 * signs in as the invited email and accepts. Signed in as another account, it says so.
 */
export function InvitePage() {
  const { token, link: invitation } = useOneTimeLink<Invitation>('/api/v1/invitation');
  const { state, signOut } = useSession();

  if (invitation === undefined)
    return <AuthCard title="Join a workspace">Checking the link…</AuthCard>;
  if (invitation === null) {
    return (
      <AuthCard title="This link cannot be used">
        <p>
          It has expired, was already used or was replaced by a newer one. Ask an admin of the
          workspace for a new link, or <Link href="/login">sign in</Link>.
        </p>
      </AuthCard>
    );
  }
  const intro = (
    <>
      {invitation.invited_by_email ?? 'An admin'} invited <strong>{invitation.email}</strong> to
      join <strong>{invitation.workspace_name}</strong> as {invitation.role}.
    </>
  );
  const title = `Join ${invitation.workspace_name}`;

  if (state.status === 'signed-in') {
    if (state.session.user.email !== invitation.email) {
      return (
        <AuthCard title={title} intro={intro}>
          <p>
            You are signed in as <strong>{state.session.user.email}</strong>. Only{' '}
            {invitation.email} can accept this invitation: sign out, then sign in as them.
          </p>
          <button type="button" className="button" onClick={() => signOut()}>
            Sign out
          </button>
        </AuthCard>
      );
    }
    return (
      <AuthCard title={title} intro={intro}>
        <p>
          You are signed in as <strong>{state.session.user.email}</strong>.
        </p>
        <AcceptForm token={token} csrfToken={state.session.csrf_token} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} intro={intro}>
      <SignedOutChoice token={token} email={invitation.email} />
    </AuthCard>
  );
}

function AcceptForm({ token, csrfToken }: { token: string; csrfToken: string }) {
  const { error, busy, submit } = useSessionForm(() => acceptSignedIn(token, csrfToken));
  return (
    <form onSubmit={submit} className="form">
      <ErrorNotice error={error} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Joining…' : 'Accept invitation'}
      </button>
    </form>
  );
}

/** Not signed in: create an account, or sign in as the invited email and accept. */
function SignedOutChoice({ token, email }: { token: string; email: string }) {
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [accountExists, setAccountExists] = useState(false);

  const create = useSessionForm(async (form) => {
    const body = { token, password: newPassword(form) };
    try {
      return (await apiRequest<Session>('POST', '/api/v1/invitation', body)).data;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        setAccountExists(true);
        setMode('existing');
      }
      throw error;
    }
  });
  const signInAndAccept = useSessionForm(async (form) => {
    const body = { email, password: String(form.get('password')) };
    const session = (await apiRequest<Session>('POST', '/api/v1/session', body)).data;
    return acceptSignedIn(token, session.csrf_token);
  });

  if (mode === 'existing') {
    return (
      <form onSubmit={signInAndAccept.submit} className="form" aria-label="Sign in and accept">
        {accountExists && (
          <InfoNotice>An account for {email} exists already: sign in to accept.</InfoNotice>
        )}
        <ErrorNotice error={signInAndAccept.error} />
        <AccountField email={email} />
        <CurrentPasswordField autoFocus />
        <button type="submit" className="button button-primary" disabled={signInAndAccept.busy}>
          {signInAndAccept.busy ? 'Joining…' : 'Sign in and accept'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setMode('new')}>
          I am new to OnePin
        </button>
      </form>
    );
  }
  return (
    <form onSubmit={create.submit} className="form" aria-label="Create your account">
      <p className="hint">New to OnePin? Choose a password for your account.</p>
      <ErrorNotice error={create.error} />
      <AccountField email={email} />
      <NewPasswordFields autoFocus />
      <button type="submit" className="button button-primary" disabled={create.busy}>
        {create.busy ? 'Creating…' : 'Create account and join'}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setMode('existing')}>
        I already have an account for {email}
      </button>
    </form>
  );
}
