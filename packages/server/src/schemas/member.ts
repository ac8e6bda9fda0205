import { z } from '@hono/zod-openapi';
import type { MemberEntry } from '../services/members.js';
import { ApiKeyOut } from './api-key.js';
import { OffsetQuery, Timestamp } from './common.js';
import { RoleSchema } from './session.js';

export const MemberOut = z
  .object({
    id: z
      .string()
      .openapi({ description: 'The user id of a member; the invitation id of an invitation' }),
    user_id: z
      .string()
      .nullable()
      .openapi({ description: 'Null while the invitation has not been accepted' }),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['active', 'invited']).openapi({
      description: '`active` for members, `invited` for invitations not yet accepted',
    }),
    joined_at: Timestamp.nullable().openapi({
      description: 'When they joined; null while invited',
    }),
    invited_at: Timestamp.nullable().openapi({
      description: 'When the current invitation link was made',
    }),
    invited_by: z
      .string()
      .nullable()
      .openapi({ description: 'The user id of the admin who invited' }),
    invited_by_email: z.string().nullable(),
    expires_at: Timestamp.nullable().openapi({
      description: 'When the invitation link stops working (an admin may issue a new one)',
    }),
    last_admin: z.boolean().openapi({
      description: 'The workspace’s only admin: they cannot be removed or demoted',
    }),
  })
  .openapi('Member');

export const AddMemberBody = z
  .strictObject({ email: z.string().max(320), role: RoleSchema })
  .openapi('MemberAdd');

export const AddedMemberOut = z
  .object({
    member: MemberOut,
    invite_url: z.string().openapi({
      description:
        'A one-time link (7 days) to join this workspace, for the admin to hand over. Shown only in this response.',
    }),
  })
  .openapi('MemberAdded');

export const UpdateMemberBody = z.strictObject({ role: RoleSchema }).openapi('MemberUpdate');

export const MemberListQuery = OffsetQuery;

export const MemberIdParam = z.object({
  user_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'user_id', in: 'path' } }),
});

export const InvitationIdParam = z.object({
  invitation_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'invitation_id', in: 'path' } }),
});

export const RemoveMemberQuery = z.object({
  revoke_keys: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value !== 'false')
    .openapi({
      param: { name: 'revoke_keys', in: 'query' },
      description:
        'Revoke the keys the member made in this workspace (default `true`); `false` keeps them working',
    }),
});

export const RemovedMemberOut = z
  .object({
    member: MemberOut,
    revoked_keys: z.array(ApiKeyOut).openapi({ description: 'Their keys this removal revoked' }),
    kept_keys: z.array(ApiKeyOut).openapi({ description: 'Their keys left working' }),
  })
  .openapi('MemberRemoved');

export function toMemberOut(entry: MemberEntry): z.infer<typeof MemberOut> {
  if (entry.status === 'invited') {
    const { invitation } = entry;
    return {
      id: invitation.id,
      user_id: null,
      email: invitation.email,
      role: invitation.role,
      status: 'invited',
      joined_at: null,
      invited_at: invitation.created_at,
      invited_by: invitation.created_by,
      invited_by_email: invitation.created_by_email,
      expires_at: invitation.expires_at,
      last_admin: false,
    };
  }
  const { member } = entry;
  return {
    id: member.user_id,
    user_id: member.user_id,
    email: member.email,
    role: member.role,
    status: 'active',
    joined_at: member.created_at,
    invited_at: null,
    invited_by: null,
    invited_by_email: null,
    expires_at: null,
    last_admin: entry.lastAdmin,
  };
}
