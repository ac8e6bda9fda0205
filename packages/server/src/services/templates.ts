import { countTemplateUse, findTemplateUses, type Tenant, type WorkflowRecord } from '@onepin/db';
import { notFound } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import {
  STARTER_TEMPLATES,
  type Template,
  type TemplateCategory,
} from '../templates/starter-templates.js';
import type { ServiceDeps } from './service-deps.js';
import { createCopy } from './workflows.js';

const BY_ID = new Map(STARTER_TEMPLATES.map((template) => [template.id, template]));

export const TEMPLATE_SORTS = ['popular', 'recent', 'name'] as const;
export type TemplateSort = (typeof TEMPLATE_SORTS)[number];

export interface TemplateQuery {
  /** Any of these categories; all when empty. */
  categories: readonly TemplateCategory[];
  search?: string | undefined;
  /** Gallery order when left out; ties keep gallery order. */
  sort?: TemplateSort | undefined;
  /** Favourites are not provided here, so no template is one: `true` matches none. */
  favoritesOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

/** A template with how often the caller's data set cloned it. */
export interface UsedTemplate extends Template {
  uses_count: number;
}

const ORDERINGS: Record<TemplateSort, (a: UsedTemplate, b: UsedTemplate) => number> = {
  popular: (a, b) => b.uses_count - a.uses_count,
  recent: (a, b) => b.updated_at.localeCompare(a.updated_at),
  name: (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
};

/**
 * Templates, filtered and sorted; the gallery is small and lives in memory. `uses_count`
 * counts the clones of the caller's own workspace and data set: no workspace learns from it
 * what another one does.
 */
export async function listTemplates(
  deps: ServiceDeps,
  tenant: Tenant,
  query: TemplateQuery,
): Promise<{ items: UsedTemplate[]; total: number }> {
  const needle = query.search?.toLowerCase();
  const uses = await findTemplateUses(deps.database.db, tenant);
  const matching = STARTER_TEMPLATES.filter(
    (template) =>
      !query.favoritesOnly &&
      (query.categories.length === 0 || query.categories.includes(template.category)) &&
      (needle === undefined ||
        template.name.toLowerCase().includes(needle) ||
        template.description.toLowerCase().includes(needle)),
  ).map((template) => ({ ...template, uses_count: uses.get(template.id) ?? 0 }));
  // Array.prototype.sort is stable: equal templates keep gallery order.
  if (query.sort) matching.sort(ORDERINGS[query.sort]);
  return {
    items: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
  };
}

/** One template with the caller's `uses_count`. */
export async function getUsedTemplate(
  deps: ServiceDeps,
  tenant: Tenant,
  id: string,
): Promise<UsedTemplate> {
  const template = getTemplate(id);
  const uses = await findTemplateUses(deps.database.db, tenant);
  return { ...template, uses_count: uses.get(template.id) ?? 0 };
}

export function getTemplate(id: string): Template {
  const template = BY_ID.get(id);
  if (!template) throw notFound('Template');
  return template;
}

/**
 * A new workflow in the caller's workspace and environment with the template's definition.
 * Named as asked (409 when taken) or "{template} (Copy)", "(Copy 2)"… by default.
 */
export function cloneTemplate(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  id: string,
  name: string | undefined,
): Promise<WorkflowRecord> {
  const template = getTemplate(id);
  const input = {
    description: template.description,
    definition: structuredClone(template.definition),
  };
  return createCopy(
    deps,
    actor,
    tenant,
    { base: template.name, name, input },
    (record) => ({
      action: 'template_cloned',
      metadata: { name: record.name, template_id: template.id, template_name: template.name },
    }),
    (trx) => countTemplateUse(trx, tenant, template.id),
  );
}
