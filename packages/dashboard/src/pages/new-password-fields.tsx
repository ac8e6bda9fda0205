import type { Ref } from 'react';
import { ApiRequestError } from '../api.js';
import { Field } from './auth-card.js';

/** The server's rule for passwords (10 to 256 characters), checked here first. */
const MIN_LENGTH = 10;
const MAX_LENGTH = 256;

/**
 * The account a new password is for, shown read-only and marked as the username, so a
 * password manager saves the new password under the right account.
 */
export function AccountField({ email }: { email: string }) {
  return (
    <Field
      id="username"
      name="username"
      label="Email"
      type="email"
      autoComplete="username"
      value={email}
      readOnly
    />
  );
}

/** The password of an existing account, for signing in. */
export function CurrentPasswordField({
  autoFocus,
  ref,
}: {
  autoFocus?: boolean;
  /** For the sign-in form, which empties it and puts focus back in it after a refusal. */
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <Field
      id="password"
      name="password"
      label="Password"
      type="password"
      autoComplete="current-password"
      maxLength={MAX_LENGTH}
      required
      autoFocus={autoFocus}
      ref={ref}
    />
  );
}

/** A new password, typed twice, for the setup, invitation and set-password pages. */
export function NewPasswordFields({
  autoFocus,
  error,
}: {
  autoFocus?: boolean;
  error?: string | undefined;
}) {
  return (
    <>
      <Field
        id="password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_LENGTH}
        maxLength={MAX_LENGTH}
        required
        autoFocus={autoFocus}
        hint={`${MIN_LENGTH} to ${MAX_LENGTH} characters.`}
        error={error}
      />
      <Field
        id="confirm"
        name="confirm"
        label="Password again"
        type="password"
        autoComplete="new-password"
        maxLength={MAX_LENGTH}
        required
      />
    </>
  );
}

/** The password of `NewPasswordFields`; throws, before anything is sent, when the two differ. */
export function newPassword(form: FormData): string {
  const password = String(form.get('password'));
  if (password !== form.get('confirm')) {
    throw new ApiRequestError(422, 'VALIDATION_ERROR', 'The two passwords differ.');
  }
  return password;
}
