import type { Tenant, WorkflowRecord } from '@onepin/db';
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

export interface TemplateQuery {
  /** Any of these categories; all when empty. */
  categories: readonly TemplateCategory[];
  search?: string | undefined;
  limit: number;
  offset: number;
}

/** Templates in gallery order, filtered; the gallery is small and lives in memory. */
export function listTemplates(query: TemplateQuery): { items: Template[]; total: number } {
  const needle = query.search?.toLowerCase();
  const matching = STARTER_TEMPLATES.filter(
    (template) =>
      (query.categories.length === 0 || query.categories.includes(template.category)) &&
      (needle === undefined || template.name.toLowerCase().includes(needle)),
  );
  return {
    items: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
  };
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
  return createCopy(deps, actor, tenant, { base: template.name, name, input }, (record) => ({
    action: 'template_cloned',
    metadata: { name: record.name, template_id: template.id, template_name: template.name },
  }));
}
