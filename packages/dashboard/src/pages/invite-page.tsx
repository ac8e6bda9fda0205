import { apiRequest, type Invitation, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Link } from '../router.js';
import { AuthCard } from './auth-card.js';
import { NewPasswordFields, newPassword } from './new-password-fields.js';
import { useOneTimeLink } from './one-time-link.js';
import { useSessionForm } from './session-form.js';

/** A member added by email sets their password with the one-time link an admin gave them. */
export function InvitePage() {
  const { token, link: invitation } = useOneTimeLink<Invitation>('/api/v1/invitation');
  const { error, busy, submit } = useSessionForm(async (form) => {
    const body = { token, password: newPassword(form) };
    return (await apiRequest<Session>('POST', '/api/v1/invitation', body)).data;
  });

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
        <NewPasswordFields autoFocus />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
