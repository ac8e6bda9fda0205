import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Makes `token` the only usable setup token: every earlier unused one is deleted. */
export async function replaceSetupToken(
  db: Kysely<Database>,
  token: { token_hash: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.deleteFrom('setup_tokens').where('used_at', 'is', null).execute();
  await db
    .insertInto('setup_tokens')
    .values({ ...token, used_at: null })
    .execute();
}

/** Marks a valid, unused, unexpired token as used; returns whether it was one. */
export async function consumeSetupToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findUsableSetupToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}
