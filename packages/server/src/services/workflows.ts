import {
  type Database,
  findTakenWorkflowNames,
  findWorkflow,
  insertWorkflow,
  isUniqueViolation,
  softDeleteWorkflow,
  type Tenant,
  type Transaction,
  updateWorkflow as updateWorkflowRow,
  type WorkflowChanges,
  type WorkflowRecord,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { type AuditEntry, recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { isoNow, nextUpdatedAt, type ServiceDeps } from './service-deps.js';
import { EMPTY_DEFINITION, type WorkflowDefinitionJson } from './workflow-definition.js';

export const WORKFLOW_NAME_MAX = 200;

export interface WorkflowInput {
  name: string;
  description?: string | null | undefined;
  definition?: WorkflowDefinitionJson | undefined;
}

export type WorkflowPatch = Partial<WorkflowInput>;

/** The name is taken: a 409 that points at the field. */
function nameTaken(name: string): ApiError {
  return new ApiError('CONFLICT', `A workflow named ${JSON.stringify(name)} already exists.`, {
    details: [{ field: 'name', message: 'is already used by another workflow' }],
  });
}

/** A workflow of the tenant that is not deleted, or 404 (also for ids of other tenants). */
export async function getWorkflow(
  deps: ServiceDeps,
  tenant: Tenant,
  id: string,
): Promise<WorkflowRecord> {
  const record = isPlausibleId(id) ? await findWorkflow(deps.database.db, tenant, id) : undefined;
  if (!record) throw notFound('Workflow');
  return record;
}

/**
 * Inserts a workflow and its audit event in one transaction. A taken name surfaces as
 * `undefined`, so callers choose between a 409 and another name.
 */
async function insertAudited(
  deps: ServiceDeps,
  actor: Actor,
  record: WorkflowRecord,
  audit: Omit<AuditEntry, 'environment' | 'target'>,
  alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
): Promise<WorkflowRecord | undefined> {
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      await insertWorkflow(trx, record);
      await alsoInTransaction?.(trx);
      await recordAudit(trx, { newId: deps.newId, now: record.created_at }, actor, {
        ...audit,
        environment: record.environment,
        target: { type: 'workflow', id: record.id },
      });
    });
    return record;
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

function newRecord(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  input: WorkflowInput,
): WorkflowRecord {
  const now = isoNow(deps);
  return {
    id: deps.newId(),
    workspace_id: tenant.workspaceId,
    environment: tenant.environment,
    name: input.name,
    description: input.description ?? null,
    definition: input.definition ?? EMPTY_DEFINITION,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

export async function createWorkflow(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  input: WorkflowInput,
): Promise<WorkflowRecord> {
  const record = newRecord(deps, actor, tenant, input);
  const created = await insertAudited(deps, actor, record, {
    action: 'workflow_created',
    metadata: { name: record.name },
  });
  if (!created) throw nameTaken(record.name);
  return created;
}

/** `"{base} (Copy)"`, then `"{base} (Copy 2)"`…, the base shortened to fit the name limit. */
export function copyName(base: string, n: number): string {
  const suffix = n === 1 ? ' (Copy)' : ` (Copy ${n})`;
  let kept = base;
  if (kept.length + suffix.length > WORKFLOW_NAME_MAX) {
    kept = kept.slice(0, WORKFLOW_NAME_MAX - suffix.length);
    // Never leave half of a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
    kept = kept.trimEnd();
  }
  return `${kept}${suffix}`;
}

const COPY_NAME_BATCH = 20;
const COPY_NAME_ATTEMPTS = 100;

/**
 * Creates a copy of something named `base`: with the caller's `name` (409 when taken), or
 * the first free of "base (Copy)", "base (Copy 2)"… The database's unique index settles
 * races: a name taken between the look-up and the insert just moves on to the next.
 */
export async function createCopy(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  copy: { base: string; name?: string | undefined; input: Omit<WorkflowInput, 'name'> },
  audit: (record: WorkflowRecord) => Omit<AuditEntry, 'environment' | 'target'>,
  alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
): Promise<WorkflowRecord> {
  const insert = (name: string) => {
    const record = newRecord(deps, actor, tenant, { ...copy.input, name });
    return insertAudited(deps, actor, record, audit(record), alsoInTransaction);
  };
  if (copy.name !== undefined) {
    const created = await insert(copy.name);
    if (!created) throw nameTaken(copy.name);
    return created;
  }
  for (let first = 1; first <= COPY_NAME_ATTEMPTS; first += COPY_NAME_BATCH) {
    const candidates = Array.from({ length: COPY_NAME_BATCH }, (_, i) =>
      copyName(copy.base, first + i),
    );
    const taken = await findTakenWorkflowNames(deps.database.db, tenant, candidates);
    for (const name of candidates) {
      if (taken.has(name)) continue;
      const created = await insert(name);
      if (created) return created;
    }
  }
  throw new ApiError('CONFLICT', 'Every default name for the copy is taken; pass a `name`.', {
    details: [{ field: 'name', message: 'is required: the default names are all taken' }],
  });
}

/** A new workflow with the definition and description of another; 201 "… (Copy)". */
export async function duplicateWorkflow(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  id: string,
  name: string | undefined,
): Promise<WorkflowRecord> {
  const source = await getWorkflow(deps, tenant, id);
  const input = {
    description: source.description,
    definition: source.definition as WorkflowDefinitionJson,
  };
  return createCopy(deps, actor, tenant, { base: source.name, name, input }, (record) => ({
    action: 'workflow_created',
    metadata: { name: record.name, duplicated_from: source.id },
  }));
}

/**
 * PUT and PATCH: `patch` holds the fields to set (PUT passes every field, with a missing
 * description as null). Returns the workflow as it is now.
 */
export async function updateWorkflow(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  id: string,
  patch: WorkflowPatch,
): Promise<WorkflowRecord> {
  const current = await getWorkflow(deps, tenant, id);
  const changes: WorkflowChanges = {
    updated_at: nextUpdatedAt(current.updated_at, deps.clock.now()),
  };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.definition !== undefined) changes.definition = patch.definition;
  const changed = (['name', 'description', 'definition'] as const).filter(
    (field) =>
      field in changes && JSON.stringify(changes[field]) !== JSON.stringify(current[field]),
  );
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const updated = await updateWorkflowRow(trx, tenant, id, changes);
      if (!updated) throw notFound('Workflow');
      await recordAudit(trx, { newId: deps.newId, now: changes.updated_at }, actor, {
        action: 'workflow_updated',
        environment: tenant.environment,
        target: { type: 'workflow', id },
        metadata: {
          name: updated.name,
          changed,
          ...(changed.includes('name') && { previous_name: current.name }),
        },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(patch.name ?? current.name);
    throw error;
  }
}

/** Soft delete: the workflow is gone for the API (404) and its name is free again. */
export async function deleteWorkflow(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  id: string,
): Promise<void> {
  const current = await getWorkflow(deps, tenant, id);
  const now = isoNow(deps);
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await softDeleteWorkflow(trx, tenant, id, now))) throw notFound('Workflow');
    await recordAudit(trx, { newId: deps.newId, now }, actor, {
      action: 'workflow_deleted',
      environment: tenant.environment,
      target: { type: 'workflow', id },
      metadata: { name: current.name },
    });
  });
}
