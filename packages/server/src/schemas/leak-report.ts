import { z } from '@hono/zod-openapi';

const Token = z.string().max(1000, 'must be at most 1000 characters');

/** One match of GitHub's secret-scanning partner report. */
export const GithubLeakEntrySchema = z
  .object({
    token: Token,
    type: z.string().max(200),
    url: z.string().max(4096).optional(),
    source: z.string().max(200).optional(),
  })
  .openapi('GithubSecretScanningMatch');

export const GithubLeakReportBody = z
  .array(GithubLeakEntrySchema)
  .min(1, 'send at least one match')
  .max(1000, 'at most 1000 matches per report')
  .openapi('GithubSecretScanningReport');

export const GithubLeakLabelsOut = z
  .array(
    z.object({
      token_raw: z.string(),
      token_type: z.string(),
      label: z.enum(['true_positive', 'false_positive']),
    }),
  )
  .openapi('GithubSecretScanningResponse');

export const CredentialsRevokeBody = z
  .strictObject({
    credentials: z
      .array(Token)
      .min(1, 'send at least one credential')
      .max(1000, 'at most 1000 credentials per request'),
  })
  .openapi('CredentialsRevoke');

export const CredentialsRevokeOut = z
  .object({
    received: z.number().int().openapi({ description: 'How many credentials the request held' }),
  })
  .openapi('CredentialsRevokeReceipt');
