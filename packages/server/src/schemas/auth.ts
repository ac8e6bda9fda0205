import { z } from '@hono/zod-openapi';
import { KeyTypeSchema, ScopeSchema } from './api-key.js';
import { Timestamp } from './common.js';

export const WhoamiOut = z
  .object({
    auth_kind: z.enum(['api_key', 'session']),
    user_id: z.string().openapi({
      description:
        "The person: a session's, a key's creator, or the workspace's owner for keys made by `onepin-server admin create-key`",
    }),
    workspace_id: z.string(),
    workspace_name: z.string(),
    api_key_id: z.string().nullable(),
    key_name: z.string().nullable(),
    key_type: z.union([KeyTypeSchema, z.null()]),
    scopes: z.array(ScopeSchema),
    role: z
      .enum(['admin', 'editor', 'viewer'])
      .nullable()
      .openapi({ description: 'Sessions only' }),
    created_at: Timestamp.nullable().openapi({ description: "The key's creation time" }),
    expires_at: Timestamp.nullable(),
  })
  .openapi('Whoami');
