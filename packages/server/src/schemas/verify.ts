import { z } from '@hono/zod-openapi';
import { KeyTypeSchema } from './api-key.js';

export const VERIFY_BATCH_MAX = 100;
export const USAGE_REPORT_MAX = 1_000;
export const USAGE_COUNT_MAX = 1_000_000;

/** One key to verify. Any string is a well-formed `key`: a malformed one is `INVALID`. */
export const VerifyItem = z
  .strictObject({
    key: z.string().openapi({ description: 'The API key to check, as the caller presented it.' }),
    scopes: z
      .array(z.string().min(1).max(100))
      .max(100)
      .optional()
      .openapi({ description: 'Scopes the key must all hold; plain strings.' }),
    workspace_id: z.string().min(1).max(100).optional().openapi({
      description: "The workspace the key must belong to (the request's X-Workspace-Id).",
    }),
  })
  .openapi('VerifyRequest');

export const VerifyBatchBody = z
  .strictObject({ keys: z.array(VerifyItem).min(1).max(VERIFY_BATCH_MAX) })
  .openapi('VerifyBatchRequest');

export const VerifyCode = z
  .enum(['VALID', 'INVALID', 'INSUFFICIENT_SCOPE', 'WORKSPACE_MISMATCH', 'RATE_LIMITED'])
  .openapi('VerifyCode');

export const VerifyRateLimit = z
  .object({
    limit: z.number().int(),
    remaining: z.number().int(),
    reset: z.number().int().openapi({ description: 'When the window ends, epoch seconds.' }),
  })
  .openapi('VerifyRateLimit');

export const VerifiedKeyOut = z
  .object({
    id: z.string(),
    name: z.string(),
    workspace_id: z.string(),
    workspace_name: z.string(),
    key_type: KeyTypeSchema,
    scopes: z.array(z.string()),
    expires_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('VerifiedKey');

export const VerifyResultOut = z
  .object({
    valid: z.boolean().openapi({ description: 'True only for `VALID`.' }),
    code: VerifyCode,
    missing_scopes: z.array(z.string()),
    key: VerifiedKeyOut.nullable().openapi({ description: 'Null when `INVALID`.' }),
    rate_limit: VerifyRateLimit.nullable().openapi({ description: 'Null when `INVALID`.' }),
  })
  .openapi('VerifyResult');

export const VerifyBatchOut = z
  .object({ results: z.array(VerifyResultOut) })
  .openapi('VerifyBatchResult');

export const UsageReportBody = z
  .strictObject({
    usage: z
      .array(
        z.strictObject({
          key_id: z.string().min(1).max(100),
          count: z.number().int().min(1).max(USAGE_COUNT_MAX),
        }),
      )
      .min(1)
      .max(USAGE_REPORT_MAX),
  })
  .openapi('VerifyUsageReport');

export const UsageResultOut = z
  .object({
    results: z.array(
      z.object({
        key_id: z.string(),
        valid: z.boolean().openapi({ description: 'False for a key no longer usable.' }),
        rate_limit: VerifyRateLimit.nullable(),
      }),
    ),
  })
  .openapi('VerifyUsageResult');
