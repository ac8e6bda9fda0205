import { type FormEvent, useEffect, useState } from 'react';
import { ApiRequestError, apiRequest, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';
import { AuthCard, Field } from './auth-card.js';
import { useLinkToken } from './link-token.js';

const MIN_PASSWORD = 10;

/** First run: the link the server printed creates the first admin and workspace. */
export function SetupPage() {
  const token = useLinkToken();
  const { signedIn } = useSession();
  const [usable, setUsable] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return setUsable(false);
    apiRequest<{ usable: boolean }>('GET', `/api/v1/setup?token=${encodeURIComponent(token)}`)
      .then(({ data }) => setUsable(data.usable))
      .catch(() => setUsable(false));
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
      const { data } = await apiRequest<Session>('POST', '/api/v1/setup', {
        token,
        email: String(form.get('email')),
        password: String(form.get('password')),
        workspace_name: String(form.get('workspace')),
      });
      signedIn(data);
      navigate('/settings/api-keys', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  if (usable === null) return <AuthCard title="Set up OnePin">Checking the setup link…</AuthCard>;
  if (!usable) {
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
        <Field
          id="password"
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD}
          maxLength={1024}
          required
          hint={`At least ${MIN_PASSWORD} characters.`}
          error={fieldError('password')}
        />
        <Field
          id="confirm"
          name="confirm"
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
        />
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
