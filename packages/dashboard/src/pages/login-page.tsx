import { useEffect, useRef } from 'react';
import { apiRequest, type Session } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { AuthCard, Field } from './auth-card.js';
import { useSessionForm } from './session-form.js';

export function LoginPage() {
  const { error, busy, submit } = useSessionForm(async (form) => {
    const body = { email: String(form.get('email')), password: String(form.get('password')) };
    return (await apiRequest<Session>('POST', '/api/v1/session', body)).data;
  });
  const password = useRef<HTMLInputElement>(null);

  // After a refusal, the password is what to type again: cleared, with focus in it (the
  // message is announced by its role="alert").
  useEffect(() => {
    if (error === null || password.current === null) return;
    password.current.value = '';
    password.current.focus();
  }, [error]);

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
          ref={password}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
