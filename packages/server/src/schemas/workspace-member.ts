import { z } from '@hono/zod-openapi';
import type { MemberRecord } from '@onepin/db';
import { queryInteger, Timestamp } from './common.js';
import { RoleSchema } from './session.js';

/** A member in the public OnePin API's shape (`WorkspaceMemberOut`). */
export const WorkspaceMemberOut = z
  .object({
    id: z.string().openapi({ description: "The member's user id (pass it as `member_id`)" }),
    user_id: z.string(),
    email: z.string(),
    first_name: z.null(),
    last_name: z.null(),
    image_url: z.null(),
    role: RoleSchema,
    last_active_at: z.null(),
    status: z.enum(['active', 'invited']).openapi({
      description: '`invited` until the person has set a password with their invitation link',
    }),
    created_at: Timestamp.openapi({ description: 'When they joined the workspace' }),
  })
  .openapi('WorkspaceMember');

/** The answer to an invitation in the public OnePin API's shape (`WorkspaceInviteOut`). */
export const WorkspaceInviteOut = z
  .object({
    id: z.string().openapi({ description: "The invited person's user id" }),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['pending', 'accepted']).openapi({
      description:
        '`pending`: they set a password with `invite_url`; `accepted`: they already had an account and are a member now',
    }),
    expires_at: Timestamp.openapi({ description: 'When `invite_url` stops working' }),
    invited_by: z.string().nullable(),
    created_at: Timestamp,
    invite_url: z.string().nullable().openapi({
      description: 'One-time link for a person without a password; shown only in this response',
    }),
  })
  .openapi('WorkspaceInvite');

export const WorkspacePathParam = z.object({
  ws_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'ws_id', in: 'path' } }),
});

export const WorkspaceMemberParam = WorkspacePathParam.extend({
  member_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'member_id', in: 'path' } }),
});

/** The whole roster at once, as the public API lists it (up to 100 a page here). */
export const WorkspaceMemberListQuery = z.object({
  limit: queryInteger('limit', 1, 100, 100),
  offset: queryInteger('offset', 0, 1_000_000_000, 0),
});

export function toWorkspaceMemberOut(member: MemberRecord): z.infer<typeof WorkspaceMemberOut> {
  return {
    id: member.user_id,
    user_id: member.user_id,
    email: member.email,
    first_name: null,
    last_name: null,
    image_url: null,
    role: member.role,
    last_active_at: null,
    status: member.has_password ? 'active' : 'invited',
    created_at: member.created_at,
  };
}
