import { z } from '@hono/zod-openapi';
import type { UploadRecord } from '@onepin/db';
import { declaredSize, UPLOAD_CONTEXT_TYPES } from '../services/uploads.js';
import {
  extensionOf,
  extensionProblem,
  FILENAME_MAX,
  filenameProblem,
  UPLOAD_CATEGORIES,
  UPLOAD_EXTENSIONS,
} from '../uploads/upload-rules.js';
import { Timestamp } from './common.js';
import { EnvironmentSchema } from './resource.js';

export const UploadCategorySchema = z
  .enum(UPLOAD_CATEGORIES as ['script', 'dictionary'])
  .openapi('UploadCategory', {
    description: Object.entries(UPLOAD_EXTENSIONS)
      .map(([category, extensions]) => `\`${category}\`: ${extensions.join(', ')}`)
      .join('; '),
  });

export const UploadOut = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    workspace_id: z.string(),
    environment: EnvironmentSchema,
    filename: z.string(),
    category: UploadCategorySchema,
    content_type: z.string(),
    format: z.string().openapi({ description: 'The extension, lower-case (e.g. `srt`)' }),
    size_bytes: z.number().int().nullable().openapi({
      description: 'The declared size, then the size received; null while pending without one',
    }),
    status: z.enum(['pending', 'uploaded']).openapi({
      description: '`pending` until the bytes arrive at `upload_url`, then `uploaded`',
    }),
    sha256: z.string().nullable().openapi({ description: 'Hex SHA-256 of the bytes received' }),
    context_type: z.enum(['workflow']).nullable(),
    context_id: z.string().nullable().openapi({ description: 'Set when confirmed' }),
    user_id: z.string().openapi({
      description: "Who created it: the key's creator, or the workspace's owner for admin keys",
    }),
    created_by: z.string().nullable(),
    download_url: z
      .string()
      .nullable()
      .openapi({ description: 'Always null: this server offers no download of upload bytes' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    uploaded_at: Timestamp.nullable(),
    confirmed_at: Timestamp.nullable(),
  })
  .openapi('Upload');

const Filename = z
  .string()
  .min(1, 'must not be empty')
  .max(FILENAME_MAX, `must be at most ${FILENAME_MAX} characters`)
  .superRefine((filename, ctx) => {
    const problem = filenameProblem(filename);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .openapi({
    description: 'Shown as is, never used as a path; its extension must fit the category',
    example: 'episode-12.srt',
  });

/** RFC 6838 type/subtype, with optional `; name=value` parameters. */
const CONTENT_TYPE =
  /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(?:\s*;\s*[a-z0-9!#$&^_.+-]{1,64}=(?:[a-z0-9!#$&^_.+-]{1,128}|"[^"\p{Cc}]{0,128}"))*$/iu;

export const CreateUploadBody = z
  .strictObject({
    filename: Filename,
    category: UploadCategorySchema,
    size_bytes: z
      .number({ error: 'must be a whole number of bytes' })
      .int('must be a whole number of bytes')
      .min(1, 'must be at least 1')
      .optional()
      .openapi({
        description:
          "Exactly the bytes you will send; at most the server's limit. Left out: any size from 1 byte up to the limit.",
      }),
    content_type: z
      .string()
      .max(255, 'must be at most 255 characters')
      .regex(CONTENT_TYPE, 'must be a media type such as text/plain or audio/mpeg')
      .optional()
      .openapi({ description: 'Default: from the extension', example: 'application/x-subrip' }),
  })
  .superRefine((body, ctx) => {
    if (filenameProblem(body.filename) !== null) return;
    const problem = extensionProblem(body.filename, body.category);
    if (problem) ctx.addIssue({ code: 'custom', path: ['filename'], message: problem });
  })
  .openapi('UploadCreate');

export const UploadCreatedOut = z
  .object({
    upload: UploadOut,
    upload_url: z.string().openapi({
      format: 'uri',
      description:
        'PUT the bytes here (no API key: the URL is signed). Good for one upload, until `expires_at`.',
    }),
    expires_at: Timestamp.openapi({ description: 'When `upload_url` stops working (15 minutes)' }),
  })
  .openapi('UploadCreated');

export const ConfirmUploadBody = z
  .strictObject({
    context_type: z.enum(UPLOAD_CONTEXT_TYPES).openapi({
      description: "The public API's contexts; only `workflow` exists here (others: 404)",
    }),
    context_id: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  })
  .openapi('UploadConfirm');

/** The signed query of an upload URL, as the server made it. */
export const UploadTransferQuery = z.object({
  expires: z
    .string()
    .optional()
    .openapi({
      param: { name: 'expires', in: 'query', required: true },
      description: 'Unix seconds',
    }),
  signature: z
    .string()
    .optional()
    .openapi({ param: { name: 'signature', in: 'query', required: true } }),
});

/** An upload as the API returns it; `ownerId` stands in for a creator that is no person. */
export function toUploadOut(record: UploadRecord, ownerId: string): z.infer<typeof UploadOut> {
  return {
    id: record.id,
    workspace_id: record.workspace_id,
    environment: record.environment,
    filename: record.filename,
    category: record.category,
    content_type: record.content_type,
    format: extensionOf(record.filename),
    size_bytes: declaredSize(record),
    status: record.status,
    sha256: record.sha256,
    context_type: record.context_type,
    context_id: record.context_id,
    user_id: record.created_by ?? ownerId,
    created_by: record.created_by,
    download_url: null,
    created_at: record.created_at,
    updated_at: record.updated_at,
    uploaded_at: record.uploaded_at,
    confirmed_at: record.confirmed_at,
  };
}
