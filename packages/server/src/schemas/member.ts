import { z } from '@hono/zod-openapi';
import type { MemberRecord } from '@onepin/db';
import { OffsetQuery, Timestamp } from './common.js';
import { RoleSchema } from './session.js';

export const MemberOut = z
  .object({
    user_id: z.string(),
    email: z.string(),
    role: RoleSchema,
    pending: z.boolean().openapi({ description: 'The person has not set a password yet' }),
    created_at: Timestamp.openapi({ description: 'When they joined the workspace' }),
  })
  .openapi('Member');

export const AddMemberBody = z
  .strictObject({ email: z.string().max(320), role: RoleSchema })
  .openapi('MemberAdd');

export const AddedMemberOut = z
  .object({
    member: MemberOut,
    invite_url: z.string().nullable().openapi({
      description:
        'For a person without a password: a one-time link (7 days) to set one. Shown only in this response.',
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

export function toMemberOut(member: MemberRecord): z.infer<typeof MemberOut> {
  return {
    user_id: member.user_id,
    email: member.email,
    role: member.role,
    pending: !member.has_password,
    created_at: member.created_at,
  };
}
