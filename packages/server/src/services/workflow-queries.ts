import {
  findWorkflowIdByName,
  listWorkflows as listWorkflowRows,
  type Tenant,
  type WorkflowSort,
} from '@onepin/db';
import type { ServiceDeps } from './service-deps.js';

export const WORKFLOW_SORTS = ['name', 'updated_at', 'created_at', 'runs_count'] as const;
export type WorkflowSortField = (typeof WORKFLOW_SORTS)[number];

/** The public API's workflow states, each keyed off the latest run. */
export const WORKFLOW_LIST_STATUSES = [
  'draft',
  'running',
  'completed',
  'failed',
  'paused',
] as const;

/** The public OnePin API's workflow list query, validated. */
export interface WorkflowListOptions {
  search?: string | undefined;
  /** Keys in turn; `updated_at` when empty. */
  sort: readonly WorkflowSortField[];
  /** Parallel to `sort`; a missing entry takes the field's default. */
  order: ReadonlyArray<'asc' | 'desc'>;
  status?: (typeof WORKFLOW_LIST_STATUSES)[number] | undefined;
  has_failed_run?: boolean | undefined;
  last_run_after?: string | undefined;
  last_run_before?: string | undefined;
  limit: number;
  offset: number;
}

const DEFAULT_ORDER: Record<WorkflowSortField, 'asc' | 'desc'> = {
  name: 'asc',
  updated_at: 'desc',
  created_at: 'desc',
  runs_count: 'desc',
};

/**
 * Whether the run filters exclude every workflow. This server runs no workflows, so each one
 * is a `draft` that never failed and has no last run.
 */
function runFiltersMatchNothing(query: WorkflowListOptions): boolean {
  return (
    (query.status !== undefined && query.status !== 'draft') ||
    query.has_failed_run === true ||
    query.last_run_after !== undefined ||
    query.last_run_before !== undefined
  );
}

/** A page of the tenant's workflows, as the public API's list query asks (see WorkflowListQuery). */
export async function listWorkflows(deps: ServiceDeps, tenant: Tenant, query: WorkflowListOptions) {
  if (runFiltersMatchNothing(query)) return { items: [], total: 0 };
  const fields: readonly WorkflowSortField[] = query.sort.length > 0 ? query.sort : ['updated_at'];
  const sort: WorkflowSort[] = fields.flatMap((field, index) =>
    // Every workflow has 0 runs: that key orders nothing, the next one decides.
    field === 'runs_count' ? [] : [{ field, order: query.order[index] ?? DEFAULT_ORDER[field] }],
  );
  return listWorkflowRows(deps.database.db, {
    tenant,
    search: query.search,
    sort,
    limit: query.limit,
    offset: query.offset,
  });
}

/** Whether `name` is free for a workflow of the tenant; `excludeId`'s own name counts as free. */
export async function checkWorkflowName(
  deps: ServiceDeps,
  tenant: Tenant,
  name: string,
  excludeId: string | undefined,
): Promise<{ name: string; available: boolean }> {
  const holder = await findWorkflowIdByName(deps.database.db, tenant, name);
  return { name, available: holder === undefined || holder === excludeId };
}
