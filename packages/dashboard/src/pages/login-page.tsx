import { type FormEvent, useState } from 'react';
import { apiRequest, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';
import { AuthCard, Field } from './auth-card.js';

export function LoginPage() {
  const { signedIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { data } = await apiRequest<Session>('POST', '/api/v1/session', {
        email: String(form.get('email')),
        password: String(form.get('password')),
      });
      signedIn(data);
      navigate('/settings/api-keys', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Sign in">
      <form onSubmit={submit} className="form">
        <ErrorNotice error={error} />
        <Field
          id="email"
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          autoFocus
        />
        <Field
          id="password"
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
