import { z } from '@hono/zod-openapi';
import type { InvitationRecord } from '@onepin/db';
import type { MemberEntry } from '../services/members.js';
import { queryInteger, Timestamp } from './common.js';
import { RoleSchema } from './session.js';

/** A member in the public OnePin API's shape (`WorkspaceMemberOut`). */
export const WorkspaceMemberOut = z
  .object({
    id: z.string().openapi({
      description: "A member's user id (pass it as `member_id`); an invitation's id while invited",
    }),
    user_id: z
      .string()
      .nullable()
      .openapi({ description: 'Null while the invitation has not been accepted' }),
    email: z.string(),
    first_name: z.null(),
    last_name: z.null(),
    image_url: z.null(),
    role: RoleSchema,
    last_active_at: z.null(),
    status: z.enum(['active', 'invited']).openapi({
      description: '`invited` until the person accepts their invitation',
    }),
    created_at: Timestamp.openapi({
      description: 'When they joined the workspace, or when the invitation was made',
    }),
  })
  .openapi('WorkspaceMember');

/** The answer to an invitation in the public OnePin API's shape (`WorkspaceInviteOut`). */
export const WorkspaceInviteOut = z
  .object({
    id: z.string().openapi({ description: "The invitation's id" }),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['pending']).openapi({
      description:
        'Always `pending`: a person joins only by accepting with `invite_url` (a new person creates their account; an existing one accepts signed in)',
    }),
    expires_at: Timestamp.openapi({ description: 'When `invite_url` stops working' }),
    invited_by: z.string().nullable(),
    created_at: Timestamp,
    invite_url: z.string().openapi({
      description:
        'The one-time link (7 days) to join, for the admin to hand over; shown only in this response',
    }),
  })
  .openapi('WorkspaceInvite');

/** A pending invitation in the public shape, without a link (only the invite response has it). */
export const WorkspacePendingInviteOut = WorkspaceInviteOut.omit({ invite_url: true }).openapi(
  'WorkspacePendingInvite',
);

/** A withdrawn invitation in the public shape: its link no longer works. */
export const WorkspaceRevokedInviteOut = WorkspacePendingInviteOut.extend({
  status: z.enum(['revoked']).openapi({ description: 'Always `revoked`' }),
}).openapi('WorkspaceRevokedInvite');

/** What accepting an invitation answers (the public API's `workspace_id`, and the role held). */
export const AcceptedInviteOut = z
  .object({
    workspace_id: z.string().openapi({ description: 'The workspace joined' }),
    role: RoleSchema.openapi({
      description: 'The role held there (the invitation’s; an existing member keeps theirs)',
    }),
  })
  .openapi('AcceptedInvite');

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

export const WorkspaceInviteParam = WorkspacePathParam.extend({
  invite_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'invite_id', in: 'path' } }),
});

export const InviteTokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The token of `invite_url`' }),
});

/** An invitation in the public shape, without its link. */
export function toPendingInviteOut(
  invitation: InvitationRecord,
): z.infer<typeof WorkspacePendingInviteOut> {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: 'pending',
    expires_at: invitation.expires_at,
    invited_by: invitation.created_by,
    created_at: invitation.created_at,
  };
}

/** The whole roster at once, as the public API lists it (up to 100 a page here). */
export const WorkspaceMemberListQuery = z.object({
  limit: queryInteger('limit', 1, 100, 100),
  offset: queryInteger('offset', 0, 1_000_000_000, 0),
});

export function toWorkspaceMemberOut(entry: MemberEntry): z.infer<typeof WorkspaceMemberOut> {
  const person = { first_name: null, last_name: null, image_url: null, last_active_at: null };
  if (entry.status === 'invited') {
    const { invitation } = entry;
    return {
      id: invitation.id,
      user_id: null,
      email: invitation.email,
      role: invitation.role,
      status: 'invited',
      created_at: invitation.created_at,
      ...person,
    };
  }
  const { member } = entry;
  return {
    id: member.user_id,
    user_id: member.user_id,
    email: member.email,
    role: member.role,
    status: 'active',
    created_at: member.created_at,
    ...person,
  };
}
