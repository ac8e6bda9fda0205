import { ApiRequestError, apiRequest, type Session, type SetupCheck } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Link } from '../router.js';
import { AuthCard, Field } from './auth-card.js';
import { NewPasswordFields, newPassword } from './new-password-fields.js';
import { useOneTimeLink } from './one-time-link.js';
import { useSessionForm } from './session-form.js';

/** First run: the link the server printed creates the first admin and workspace. */
export function SetupPage() {
  const { token, link } = useOneTimeLink<SetupCheck>('/api/v1/setup');
  const { error, busy, submit } = useSessionForm(async (form) => {
    const body = {
      token,
      email: String(form.get('email')),
      password: newPassword(form),
      workspace_name: String(form.get('workspace')),
    };
    return (await apiRequest<Session>('POST', '/api/v1/setup', body)).data;
  });

  if (link === undefined)
    return <AuthCard title="Set up OnePin">Checking the setup link…</AuthCard>;
  if (!link?.usable) {
    return (
      <AuthCard title="This setup link cannot be used">
        <p>
          It has expired, was already used, or OnePin already has an admin.{' '}
          <Link href="/login">Sign in</Link> instead, or restart the server without any user to get
          a new link.
        </p>
      </AuthCard>
    );
  }
  const fieldError = (field: string) =>
    error instanceof ApiRequestError ? error.detail(field) : undefined;
  return (
    <AuthCard title="Set up OnePin" intro="Create the first admin account and the first workspace.">
      <form onSubmit={submit} className="form">
        <ErrorNotice error={error} />
        <Field
          id="email"
          name="email"
          label="Your email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          error={fieldError('email')}
        />
        <NewPasswordFields error={fieldError('password')} />
        <Field
          id="workspace"
          name="workspace"
          label="Workspace name"
          maxLength={100}
          required
          hint="Your team or company; you can add people later."
          error={fieldError('workspace')}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create admin and workspace'}
        </button>
      </form>
    </AuthCard>
  );
}
