import type { Kysely } from 'kysely';
import type { Database, ServiceTokenRow } from '../schema.js';

/** What a service token shows once made: never its hash. */
export type ServiceTokenView = Omit<ServiceTokenRow, 'token_hash'>;

const VIEW_COLUMNS = [
  'id',
  'name',
  'token_prefix',
  'token_suffix',
  'created_by',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

export async function insertServiceToken(
  db: Kysely<Database>,
  token: ServiceTokenRow,
): Promise<void> {
  await db.insertInto('service_tokens').values(token).execute();
}

/** The live (unrevoked) token with this SHA-256, for authentication. */
export async function findLiveServiceTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ServiceTokenView | undefined> {
  return db
    .selectFrom('service_tokens')
    .select(VIEW_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Every token, newest first; revoked ones too unless `liveOnly`. */
export async function listServiceTokens(
  db: Kysely<Database>,
  { liveOnly = false }: { liveOnly?: boolean } = {},
): Promise<ServiceTokenView[]> {
  let query = db.selectFrom('service_tokens').select(VIEW_COLUMNS);
  if (liveOnly) query = query.where('revoked_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findServiceToken(
  db: Kysely<Database>,
  id: string,
): Promise<(ServiceTokenView & { token_hash: string }) | undefined> {
  return db
    .selectFrom('service_tokens')
    .select([...VIEW_COLUMNS, 'token_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Revokes a live token; returns whether it was one (a revoked token stays revoked). */
export async function revokeServiceToken(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('service_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records use, at most as precisely as `now` (callers batch it like keys' last use). */
export async function touchServiceToken(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<void> {
  await db.updateTable('service_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
