import { ApiRequestError, apiRequest, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Link } from '../router.js';
import { AuthCard } from './auth-card.js';
import { AccountField, NewPasswordFields, newPassword } from './new-password-fields.js';
import { useOneTimeLink } from './one-time-link.js';
import { useSessionForm } from './session-form.js';

/**
 * A set-password link (`/set-password?token=…`), printed by `onepin-server admin create-user`
 * for an account made without a password, or by `admin reset-password`. Using it ends every
 * other session of the account.
 */
export function SetPasswordPage() {
  const { token, link } = useOneTimeLink<{ email: string }>('/api/v1/password-link');
  const { error, busy, submit } = useSessionForm(async (form) => {
    const body = { token, password: newPassword(form) };
    return (await apiRequest<Session>('POST', '/api/v1/password-link', body)).data;
  });

  if (link === undefined) return <AuthCard title="Set your password">Checking the link…</AuthCard>;
  if (link === null) {
    return (
      <AuthCard title="This link cannot be used">
        <p>
          It has expired, was already used or was replaced by a newer one. The server's operator can
          print a new one with <code>onepin-server admin reset-password --email …</code>. Or{' '}
          <Link href="/login">sign in</Link>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set your password" intro={`Choose the password for ${link.email}.`}>
      <form onSubmit={submit} className="form">
        <ErrorNotice error={error} />
        <AccountField email={link.email} />
        <NewPasswordFields
          autoFocus
          error={error instanceof ApiRequestError ? error.detail('password') : undefined}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
