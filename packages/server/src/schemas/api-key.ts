import { z } from '@hono/zod-openapi';
import { KEY_TYPES, keyPreview, type ScopeCatalogue } from '@onepin/core';
import type { ApiKeyRecord } from '@onepin/db';
import { describeInput, OffsetQuery, Timestamp } from './common.js';

/**
 * A scope name. The catalogue (`GET /api/v1/scopes`) is the server's data, not the schema's:
 * which names are known is checked by the services (`assertKnownScopes`), against the
 * catalogue the server started with.
 */
export const ScopeSchema = z
  .string({
    error: (issue) =>
      `unknown scope ${describeInput(issue.input)}; valid scopes: see GET /api/v1/scopes`,
  })
  .openapi('Scope', {
    description: 'A scope name (`resource:action`): a built-in one or one the operator declared',
    example: 'workflows:read',
  });

/** At most this many scope names in one request (duplicates are dropped). */
const SCOPE_LIST_MAX = 400;
/** The scopes a request gives a key. */
export const ScopeListInput = z.array(ScopeSchema).max(SCOPE_LIST_MAX);

export const KeyTypeSchema = z.enum(KEY_TYPES as ['live', 'test']).openapi('KeyType');

/** A display name: trimmed, 1–`max` characters, no control characters. (A pasted API key is
 * refused for every field of every body by the pasted-key guard, see http/pasted-key-guard.ts.) */
export function displayName(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
}

/** An ISO-8601 date-time with an offset, normalised to UTC with milliseconds. */
export const DateTimeInput = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 date-time such as 2027-01-31T00:00:00Z' })
  .transform((value) => new Date(value).toISOString())
  .openapi({ type: 'string', format: 'date-time' });

/** A date-time, or `null` to clear it. The override keeps `null` in the OpenAPI document,
 * which the transform above would otherwise hide. */
const NullableDateTimeInput = DateTimeInput.nullable().openapi({
  type: ['string', 'null'],
  format: 'date-time',
});

const RateLimit = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1_000_000, 'must be at most 1000000')
  .nullable();

export const ApiKeyLeakOut = z
  .object({
    source: z.enum(['github', 'public_report']).openapi({
      description:
        '`github`: GitHub secret scanning; `public_report`: the public revocation endpoint',
    }),
    url: z.string().nullable().openapi({ description: 'Where the key was found, when known' }),
    action: z.enum(['revoked', 'notified']).openapi({
      description: '`revoked`: the report revoked the key; `notified`: it was only reported',
    }),
    reported_at: Timestamp,
  })
  .openapi('ApiKeyLeak');

export const ApiKeyOut = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    workspace_id: z.string(),
    created_by: z.string().nullable(),
    name: z.string(),
    key_type: KeyTypeSchema,
    key_prefix: z.string().openapi({ example: 'op_live_' }),
    key_suffix: z.string().openapi({ example: 'AbCd' }),
    preview: z.string().openapi({ example: 'op_live_…AbCd' }),
    scopes: z.array(ScopeSchema).openapi({
      description: 'Every scope the key was given, sorted; those in `unknown_scopes` grant nothing',
    }),
    unknown_scopes: z.array(z.string()).openapi({
      description:
        "The scopes of `scopes` that are no longer in the catalogue (removed from the operator's scopes file): shown, kept, granting nothing",
    }),
    active: z.boolean().openapi({ description: 'Whether the key can be used now' }),
    last_used_at: Timestamp.nullable().openapi({
      description:
        'The latest use known to the node that answers. Uses are written in batches once a minute: a use on this node shows at once, a use on another node within a minute.',
    }),
    rate_limit_per_min: z.number().int().nullable(),
    expires_at: Timestamp.nullable(),
    revoked_at: Timestamp.nullable(),
    rotated_from: z
      .string()
      .nullable()
      .openapi({ format: 'uuid', description: 'The key this one replaced in a rotation' }),
    replaced_by: z.string().nullable().openapi({
      format: 'uuid',
      description:
        'The key that replaced this one in a rotation; it works until `expires_at` (grace period) or `revoked_at`',
    }),
    created_via: z.enum(['device_login']).nullable().openapi({
      description:
        '`device_login` for a key made by signing the CLI in through the browser (`onepin login --web`): only such a key may revoke itself (`DELETE /api/v1/auth/key`, at `onepin logout`); null for every other key',
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
    // The latest report that this key was found in public (its banner), or null.
    leak: z.union([ApiKeyLeakOut, z.null()]),
  })
  .openapi('ApiKey');

export const ApiKeyCreatedOut = ApiKeyOut.extend({
  api_key: z
    .string()
    .openapi({ description: 'The plaintext key. Returned only this once: store it now.' }),
}).openapi('ApiKeyCreated');

export const ApiKeyRotateOut = z
  .object({ old_key: ApiKeyOut, new_key: ApiKeyCreatedOut })
  .openapi('ApiKeyRotation');

export const CreateApiKeyBody = z
  .strictObject({
    name: displayName(120),
    scopes: ScopeListInput.default([]),
    key_type: KeyTypeSchema.optional(),
    rate_limit_per_min: RateLimit.optional(),
    expires_at: NullableDateTimeInput.optional(),
  })
  .openapi('ApiKeyCreate');

export const UpdateApiKeyBody = z
  .strictObject({
    name: displayName(120).optional(),
    scopes: ScopeListInput.optional(),
    rate_limit_per_min: RateLimit.optional(),
    active: z.boolean().optional(),
    expires_at: NullableDateTimeInput.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change')
  .openapi('ApiKeyUpdate');

/** How long the old secret keeps working after a rotation (keys, webhook secrets): 0–7 days. */
export const GracePeriodSeconds = z
  .number({ error: 'must be a whole number of seconds' })
  .int('must be a whole number of seconds')
  .min(0, 'must be at least 0')
  .max(604_800, 'must be at most 604800 (7 days)');

export const RotateApiKeyBody = z
  .strictObject({ grace_period_seconds: GracePeriodSeconds.optional() })
  .openapi('ApiKeyRotate');

export const ApiKeyListQuery = OffsetQuery.extend({
  status: z
    .enum(['active', 'revoked', 'all'])
    .default('active')
    .openapi({
      param: { name: 'status', in: 'query' },
      description:
        '`active` (the default): keys usable now; `revoked`: every other key (revoked, expired or deactivated); `all`: both',
    }),
});

export const ApiKeyIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

/**
 * The wire form of a key (SPEC §2 `ApiKeyOut`); `active` says whether it works right now.
 * `pendingUseMs` is a use this node has seen but not yet written (see `UsageRecorder`).
 */
export function toApiKeyOut(
  record: ApiKeyRecord,
  catalogue: ScopeCatalogue,
  nowMs: number,
  pendingUseMs?: number,
): z.infer<typeof ApiKeyOut> {
  const expired = record.expires_at !== null && Date.parse(record.expires_at) <= nowMs;
  const pendingUse = pendingUseMs === undefined ? null : new Date(pendingUseMs).toISOString();
  const lastUsedAt =
    pendingUse !== null && (record.last_used_at === null || pendingUse > record.last_used_at)
      ? pendingUse
      : record.last_used_at;
  return {
    id: record.id,
    workspace_id: record.workspace_id,
    created_by: record.created_by,
    name: record.name,
    key_type: record.key_type,
    key_prefix: record.key_prefix,
    key_suffix: record.key_suffix,
    preview: keyPreview(record.key_prefix, record.key_suffix),
    scopes: record.scopes,
    unknown_scopes: catalogue.unknown(record.scopes),
    active: record.active && record.revoked_at === null && !expired,
    last_used_at: lastUsedAt,
    rate_limit_per_min: record.rate_limit_per_min,
    expires_at: record.expires_at,
    revoked_at: record.revoked_at,
    rotated_from: record.rotated_from,
    replaced_by: record.replaced_by,
    created_via: record.created_via ?? null,
    created_at: record.created_at,
    updated_at: record.updated_at,
    leak: record.leak ?? null,
  };
}
