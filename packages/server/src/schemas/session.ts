import { z } from '@hono/zod-openapi';
import { ROLES, type Role } from '@onepin/core';
import { PASSWORD_MAX_LENGTH } from '../services/passwords.js';
import { ScopeSchema } from './api-key.js';
import { Timestamp } from './common.js';

export const RoleSchema = z.enum(ROLES as [Role, ...Role[]]).openapi('Role');

/** One-time tokens in links (setup, invitations): base64url, bounded before any hashing. */
const LinkToken = z.string().min(1, 'must not be empty').max(200);
/** At most 256 characters everywhere (sign-in included), so nobody makes the server hash a
 * huge string; the minimum length applies when a password is chosen. */
const PasswordInput = z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH);

export const SignInBody = z
  .strictObject({ email: z.string().max(320), password: PasswordInput })
  .openapi('SignIn');

export const SessionWorkspaceOut = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), role: RoleSchema })
  .openapi('SessionWorkspace');

export const SessionOut = z
  .object({
    user: z.object({ id: z.string(), email: z.string() }),
    instance_admin: z.boolean().openapi({
      description:
        "Whether the person manages the instance's service tokens (the setup user, and users made with `admin create-user --instance-admin`)",
    }),
    workspace: SessionWorkspaceOut.openapi({
      description: 'The workspace this request acted in (X-Workspace-Id, else the first)',
    }),
    workspaces: z
      .array(SessionWorkspaceOut)
      .openapi({ description: 'Every workspace of the user' }),
    scopes: z.array(ScopeSchema).openapi({ description: 'What the role allows in `workspace`' }),
    csrf_token: z.string().openapi({
      description: 'Send as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE of this session',
    }),
    expires_at: Timestamp.openapi({ description: 'The absolute end of the session' }),
  })
  .openapi('Session');

export const SignedOutOut = z.object({ signed_out: z.literal(true) }).openapi('SignedOut');

export const SetupQuery = z.object({
  token: LinkToken.optional().openapi({ param: { name: 'token', in: 'query' } }),
});

export const SetupCheckOut = z
  .object({
    usable: z
      .boolean()
      .openapi({ description: 'Whether the link can still create the first admin' }),
    stage: z.enum(['no_user', 'no_password', 'complete']).openapi({
      description:
        '`no_user`: open the setup link the server printed; `no_password`: users exist but none can sign in yet (open the link `admin create-user` printed, or run `admin reset-password`); `complete`: sign in',
    }),
  })
  .openapi('SetupCheck');

export const SetupBody = z
  .strictObject({
    token: LinkToken,
    email: z.string().max(320),
    password: PasswordInput,
    workspace_name: z.string().max(200),
  })
  .openapi('Setup');

export const LinkQuery = z.object({
  token: LinkToken.openapi({ param: { name: 'token', in: 'query' } }),
});

export const InvitationOut = z
  .object({
    email: z.string(),
    workspace_name: z.string(),
    role: RoleSchema,
    invited_by_email: z.string().nullable(),
    expires_at: Timestamp,
  })
  .openapi('Invitation');

export const AcceptInvitationBody = z
  .strictObject({ token: LinkToken, password: PasswordInput })
  .openapi('InvitationAccept');

export const AcceptSignedInBody = z
  .strictObject({ token: LinkToken })
  .openapi('InvitationAcceptSignedIn');

export const PasswordLinkOut = z.object({ email: z.string() }).openapi('PasswordLink');

export const SetPasswordBody = z
  .strictObject({ token: LinkToken, password: PasswordInput })
  .openapi('PasswordSet');
