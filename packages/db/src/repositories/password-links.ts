import type { Kysely } from 'kysely';
import type { Database, PasswordLinkRow } from '../schema.js';

/** Makes `link` the user's only password link: every earlier one stops working. */
export async function replacePasswordLink(
  db: Kysely<Database>,
  link: PasswordLinkRow,
): Promise<void> {
  await db.deleteFrom('password_links').where('user_id', '=', link.user_id).execute();
  await db.insertInto('password_links').values(link).execute();
}

/** Whose password an unexpired link sets, or `undefined`. */
export async function findUsablePasswordLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<{ user_id: string; email: string } | undefined> {
  return db
    .selectFrom('password_links')
    .innerJoin('users', 'users.id', 'password_links.user_id')
    .select(['password_links.user_id', 'users.email'])
    .where('password_links.token_hash', '=', tokenHash)
    .where('password_links.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Uses a link once: deletes it (a concurrent use loses) and returns its user's id, or
 * `undefined` when it is unknown, used or expired.
 */
export async function consumePasswordLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<string | undefined> {
  const row = await db
    .deleteFrom('password_links')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
