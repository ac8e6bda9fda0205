import { z } from '@hono/zod-openapi';
import { WORKFLOW_LIST_STATUSES, WORKFLOW_SORTS } from '../services/workflow-queries.js';
import { DateTimeInput } from './api-key.js';
import { OffsetQuery } from './common.js';
import { SearchQuery } from './resource.js';
import { WorkflowName } from './workflow.js';

const ORDERS = ['asc', 'desc'] as const;

/** A query parameter that may be repeated: one value or a list, always read as a list. */
function repeatable<T extends readonly [string, ...string[]]>(values: T, name: string) {
  return z
    .union([z.enum(values), z.array(z.enum(values)).max(values.length)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .openapi({ param: { name, in: 'query', style: 'form', explode: true } });
}

const booleanQuery = (name: string) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .openapi({ param: { name, in: 'query' }, type: 'boolean' });

const dateTimeQuery = (name: string, description: string) =>
  DateTimeInput.optional().openapi({ param: { name, in: 'query' }, description });

/**
 * The list query of the public OnePin API. This server runs no workflows, so the filters on
 * runs answer as for workflows never run (every workflow is a `draft`, none has failed or has
 * a last run); they are never ignored.
 */
export const WorkflowListQuery = OffsetQuery.extend({
  search: SearchQuery,
  sort: repeatable(WORKFLOW_SORTS, 'sort').openapi({
    description:
      'Repeat for several keys (`sort=name&sort=updated_at`). Default `updated_at`. `runs_count` is 0 for every workflow (no runs), so it leaves the order to the next key. Ties are broken by `id`.',
  }),
  order: repeatable(ORDERS, 'order').openapi({
    description:
      'Parallel to `sort`; a missing entry takes the field default: `asc` for `name`, `desc` otherwise.',
  }),
  status: z
    .enum(WORKFLOW_LIST_STATUSES)
    .optional()
    .openapi({
      param: { name: 'status', in: 'query' },
      description:
        'State of the latest run. No workflow has run here: `draft` matches all, the others none.',
    }),
  has_failed_run: booleanQuery('has_failed_run').openapi({
    description: '`true` matches no workflow (none has run), `false` every one.',
  }),
  last_run_after: dateTimeQuery('last_run_after', 'Matches no workflow: none has run.'),
  last_run_before: dateTimeQuery('last_run_before', 'Matches no workflow: none has run.'),
}).superRefine((query, ctx) => {
  // Without `sort` the list is sorted by `updated_at`: one `order` may still say which way.
  const sortKeys = Math.max(query.sort.length, 1);
  if (query.order.length > sortKeys) {
    ctx.addIssue({
      code: 'custom',
      path: ['order'],
      message: `has ${query.order.length} entries for ${sortKeys} sort field(s)`,
    });
  }
  const repeated = query.sort.find((field, index) => query.sort.indexOf(field) !== index);
  if (repeated) {
    ctx.addIssue({ code: 'custom', path: ['sort'], message: `names ${repeated} twice` });
  }
  if (
    query.last_run_after &&
    query.last_run_before &&
    query.last_run_after > query.last_run_before
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['last_run_after'],
      message: 'must not be later than last_run_before',
    });
  }
});

export const NameAvailabilityQuery = z.object({
  name: WorkflowName.openapi({
    param: { name: 'name', in: 'query', required: true },
    example: 'Podcast',
    description: 'Checked with the same rules as a new name (trimmed; 422 when not valid)',
  }),
  exclude_id: z
    .string()
    .max(100)
    .optional()
    .openapi({
      param: { name: 'exclude_id', in: 'query' },
      description: 'The workflow being renamed: its own name reads as available',
    }),
});

export const NameAvailabilityOut = z
  .object({
    name: z.string().openapi({ description: 'The name as checked (trimmed)' }),
    available: z.boolean(),
  })
  .openapi('WorkflowNameAvailability');
