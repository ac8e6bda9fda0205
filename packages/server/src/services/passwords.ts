import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { ApiError } from '../api-error.js';
import type { PasswordWork } from '../auth/password-work.js';

export const PASSWORD_MIN_LENGTH = 10;
/**
 * The longest password accepted anywhere (sign-in, setup, links): long enough for any
 * passphrase or generated password, short enough that no request makes argon2 chew on
 * megabytes. A longer one is a 422, checked before any hashing.
 */
export const PASSWORD_MAX_LENGTH = 256;

/** What hashing needs: the server's bounded argon2 queue, when there is one (the admin
 * commands run outside a server and hash directly). */
export interface PasswordDeps {
  passwordWork?: PasswordWork | undefined;
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new ApiError('VALIDATION_ERROR', undefined, {
      details: [
        {
          field: 'password',
          message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
        },
      ],
    });
  }
}

/**
 * Hashes a new human password with argon2id, the library's default (m=19456, t=2, p=1), in
 * the queue's `new-password` lane. API keys never go through this: they are random, and
 * SHA-256 suffices.
 */
export function hashPassword(deps: PasswordDeps, password: string): Promise<string> {
  const work = () => argon2Hash(password);
  return deps.passwordWork ? deps.passwordWork.run('new-password', work) : work();
}

/**
 * A throwaway hash verified when there is no such user (or they have no password yet), so
 * the time a sign-in takes does not tell them apart. Made once, in the background, at start.
 */
const dummyHash = argon2Hash('onepin timing equaliser');
dummyHash.catch(() => {});

/** Whether `password` matches `hash`, at the same cost when there is no hash (sign-in lane). */
export async function passwordMatches(
  deps: PasswordDeps,
  hash: string | null | undefined,
  password: string,
): Promise<boolean> {
  const verifyAgainst = hash || (await dummyHash);
  const work = () => argon2Verify(verifyAgainst, password).catch(() => false);
  const matches = await (deps.passwordWork ? deps.passwordWork.run('sign-in', work) : work());
  return Boolean(hash) && matches;
}
