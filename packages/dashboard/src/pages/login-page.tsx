import { useEffect, useRef, useState } from 'react';
import { apiRequest, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { AuthCard, Field } from './auth-card.js';
import { CurrentPasswordField } from './new-password-fields.js';
import { useSessionForm } from './session-form.js';

type SetupStage = 'no_user' | 'no_password' | 'complete';

/** How far the first run got; `complete` when the server cannot say (the form is then shown). */
function useSetupStage(): SetupStage | undefined {
  const [stage, setStage] = useState<SetupStage | undefined>(undefined);
  useEffect(() => {
    apiRequest<{ stage: SetupStage }>('GET', '/api/v1/setup')
      .then(({ data }) => setStage(data.stage))
      .catch(() => setStage('complete'));
  }, []);
  return stage;
}

/**
 * Sign-in, or, before anyone can sign in, what finishes the setup: a sign-in form would only
 * fail until the first account has a password.
 */
export function LoginPage() {
  const stage = useSetupStage();
  if (stage === undefined) return <AuthCard title="Sign in">Loading…</AuthCard>;
  if (stage === 'no_user') {
    return (
      <AuthCard title="Finish setting up OnePin">
        <p>
          No account exists yet. Finish setup: open the one-time setup link the server printed when
          it started. Each start prints a new link and the older ones stop working, so use the
          latest.
        </p>
      </AuthCard>
    );
  }
  if (stage === 'no_password') {
    return (
      <AuthCard title="Finish setting up OnePin">
        <p>
          No one can sign in yet: no account has a password. Finish setup: open the one-time link
          that <code>onepin-server admin create-user</code> printed, or print a new one with{' '}
          <code>onepin-server admin reset-password --email you@example.com</code>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in">
      <SignInForm />
    </AuthCard>
  );
}

/**
 * Email and password. Signed in, the person lands on their keys, or with `stay` remains on
 * the page that asked them to sign in (`/device`, which carries on signed in).
 */
export function SignInForm({ stay = false }: { stay?: boolean }) {
  const { error, busy, submit } = useSessionForm(
    async (form) => {
      const body = { email: String(form.get('email')), password: String(form.get('password')) };
      return (await apiRequest<Session>('POST', '/api/v1/session', body)).data;
    },
    { stay },
  );
  const password = useRef<HTMLInputElement>(null);

  // After a refusal, the password is what to type again: cleared, with focus in it (the
  // message is announced by its role="alert").
  useEffect(() => {
    if (error === null || password.current === null) return;
    password.current.value = '';
    password.current.focus();
  }, [error]);

  return (
    <form onSubmit={submit} className="form" aria-label="Sign in">
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
      <CurrentPasswordField ref={password} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
