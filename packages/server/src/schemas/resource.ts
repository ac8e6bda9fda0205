import { z } from '@hono/zod-openapi';
import { isWellFormedUnicode } from '../services/text.js';
import { displayName } from './api-key.js';

/** Which of the workspace's two data sets an object belongs to (SPEC §8). */
export const EnvironmentSchema = z.enum(['live', 'test']).openapi('Environment', {
  description: 'Test keys see only test objects, live keys only live ones',
});

/**
 * An object id in a path. Any string up to 100 characters is accepted here; one that is not
 * an id this server could have made is simply not found (404), like a missing object.
 */
export const ObjectIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const WELL_FORMED = 'must be valid Unicode (no unpaired surrogates)';

/** A resource's name: `displayName` (trimmed, 1–`max`, no control characters), valid Unicode. */
export function resourceName(max: number) {
  return displayName(max).refine(isWellFormedUnicode, WELL_FORMED);
}

/** Free text: up to `max` characters; line breaks and tabs allowed, other control characters not. */
export function freeText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
      /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/,
      'must not contain control characters other than line breaks and tabs',
    )
    .refine(isWellFormedUnicode, WELL_FORMED);
}

/** `search`: a case-insensitive substring, matched literally (`%` and `_` are not wildcards). */
export const SearchQuery = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
  .refine(isWellFormedUnicode, WELL_FORMED)
  .optional()
  .openapi({
    param: { name: 'search', in: 'query' },
    description: 'Case-insensitive substring of the name',
  });

export const DeletedOut = z.object({ id: z.string(), deleted: z.literal(true) }).openapi('Deleted');
