import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Tenant } from './tenant.js';

/** Counts one more clone of a template by the tenant (in the clone's transaction). */
export async function countTemplateUse(
  db: Kysely<Database>,
  tenant: Tenant,
  templateId: string,
): Promise<void> {
  await db
    .insertInto('template_uses')
    .values({
      workspace_id: tenant.workspaceId,
      environment: tenant.environment,
      template_id: templateId,
      uses_count: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'environment', 'template_id'])
        .doUpdateSet({ uses_count: sql`template_uses.uses_count + 1` }),
    )
    .execute();
}

/** How often the tenant cloned each template; templates never cloned are absent. */
export async function findTemplateUses(
  db: Kysely<Database>,
  tenant: Tenant,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('template_uses')
    .select(['template_id', 'uses_count'])
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .execute();
  return new Map(rows.map((row) => [row.template_id, Number(row.uses_count)]));
}

/** Forgets a tenant's counts (wiping test data); returns how many templates had one. */
export async function purgeTemplateUses(db: Kysely<Database>, tenant: Tenant): Promise<number> {
  const result = await db
    .deleteFrom('template_uses')
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
