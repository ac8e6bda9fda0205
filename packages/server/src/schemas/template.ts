import { z } from '@hono/zod-openapi';
import { TEMPLATE_CATEGORIES, type Template } from '../templates/starter-templates.js';
import { OffsetQuery, Timestamp } from './common.js';
import { SearchQuery } from './resource.js';
import { WorkflowDefinition } from './workflow.js';

export const TemplateCategorySchema = z.enum(TEMPLATE_CATEGORIES).openapi('TemplateCategory');

export const TemplateOut = z
  .object({
    id: z
      .string()
      .openapi({ description: '8 base62 characters, case-sensitive', example: '2LKJN2QD' }),
    name: z.string(),
    description: z.string(),
    category: TemplateCategorySchema,
    definition: WorkflowDefinition,
    is_starter: z.boolean().openapi({ description: 'Ships with the server; read-only' }),
    is_public: z.boolean(),
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
  search: SearchQuery,
});

export const TemplateIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: '2LKJN2QD' }),
});

export function toTemplateOut(template: Template): z.infer<typeof TemplateOut> {
  return { ...template };
}
