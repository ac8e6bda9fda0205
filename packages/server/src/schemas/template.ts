import { z } from '@hono/zod-openapi';
import { TEMPLATE_SORTS, type UsedTemplate } from '../services/templates.js';
import { TEMPLATE_CATEGORIES } from '../templates/starter-templates.js';
import { OffsetQuery, Timestamp } from './common.js';
import { SearchQuery } from './resource.js';
import { WorkflowDefinitionOut } from './workflow-definition.js';

export const TemplateCategorySchema = z.enum(TEMPLATE_CATEGORIES).openapi('TemplateCategory');

export const TemplateOut = z
  .object({
    id: z
      .string()
      .openapi({ description: '8 base62 characters, case-sensitive', example: '2LKJN2QD' }),
    name: z.string(),
    description: z.string(),
    category: TemplateCategorySchema,
    definition: WorkflowDefinitionOut,
    is_starter: z.boolean().openapi({ description: 'Ships with the server; read-only' }),
    is_public: z.boolean(),
    is_favorite: z
      .boolean()
      .openapi({ description: 'Always false: favourites are not provided by this server' }),
    uses_count: z.number().int().openapi({
      description: "How often the caller's workspace (its live or test data set) cloned it",
    }),
    created_by: z
      .string()
      .nullable()
      .openapi({ description: 'The author; null for starter templates' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Template');

export const TemplateListQuery = OffsetQuery.extend({
  category: z
    .union([
      TemplateCategorySchema,
      z.array(TemplateCategorySchema).max(TEMPLATE_CATEGORIES.length),
    ])
    .optional()
    .openapi({
      param: { name: 'category', in: 'query', style: 'form', explode: true },
      description: 'Repeat to match any of several categories',
    }),
  search: SearchQuery.openapi({
    description: 'Case-insensitive substring of the name or description',
  }),
  sort: z
    .enum(TEMPLATE_SORTS)
    .optional()
    .openapi({
      param: { name: 'sort', in: 'query' },
      description:
        '`popular` (most cloned by your workspace first), `recent` (last changed first) or `name`; default: gallery order',
    }),
  favorites_only: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true')
    .openapi({
      param: { name: 'favorites_only', in: 'query' },
      type: 'boolean',
      description: '`true` matches no template: favourites are not provided by this server',
    }),
});

export const TemplateIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: '2LKJN2QD' }),
});

export function toTemplateOut(template: UsedTemplate): z.infer<typeof TemplateOut> {
  return { ...template, is_favorite: false, created_by: null };
}
