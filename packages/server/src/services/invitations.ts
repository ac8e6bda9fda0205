import { randomBytes } from 'node:crypto';
import type { Role } from '@onepin/core';
import {
  consumeInvitation,
  type Database,
  deleteInvitation,
  findInvitationById,
  findMember,
  findMemberByEmail,
  findUsableInvitation,
  findUserByEmail,
  type InvitationRecord,
  insertMembership,
  insertUser,
  isUniqueViolation,
  type Kysely,
  lockWorkspaceMemberships,
  replaceInvitation,
  type UsableInvitation,
  updateInvitationRole,
} from '@onepin/db';
import { ApiError, notFound, UnusableLinkError } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { sha256Hex } from '../auth/sha256.js';
import { normalizeEmail } from './accounts.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { checkPassword, hashPassword } from './passwords.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { type ClientInfo, createSession, type NewSession } from './sessions.js';
import { enqueueMemberEvent } from './webhook-outbox.js';

/** How long an invitation link stays usable. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const UNUSABLE = 'This invitation link is invalid, expired or already used.';

const alreadyMember = (email: string) =>
  new ApiError('CONFLICT', `${email} is already a member of this workspace.`);

export interface IssuedInvitation {
  invitation: InvitationRecord;
  /** The one-time link, shown once: only its hash is stored. */
  inviteUrl: string;
}

/**
 * Invites an email to the actor's workspace with a role (issue 11). Nothing is looked up
 * about the email beyond this workspace's own members, and no account is made or touched:
 * every email that is not already a member gets the same answer, a pending invitation and
 * a one-time link (7 days) for the admin to hand over. Inviting a pending email again
 * replaces its link (the old one stops working) and its role.
 */
export async function inviteMember(
  deps: ServiceDeps,
  actor: Actor,
  input: { email: string; role: Role },
  publicUrl: string,
): Promise<IssuedInvitation> {
  const email = normalizeEmail(input.email);
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const token = randomBytes(32).toString('base64url');
  const invitation: InvitationRecord = {
    id: deps.newId(),
    workspace_id: actor.workspaceId,
    email,
    role: input.role,
    created_by: actor.userId,
    created_by_email: actor.type === 'user' ? actor.name : null,
    created_at: now,
    expires_at: new Date(nowMs + INVITATION_TTL_MS).toISOString(),
  };
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      await lockWorkspaceMemberships(trx, deps.database.dialect, actor.workspaceId);
      if (await findMemberByEmail(trx, actor.workspaceId, email)) throw alreadyMember(email);
      const { created_by_email: _, ...row } = invitation;
      await replaceInvitation(trx, { ...row, token_hash: sha256Hex(token) });
      await recordAudit(trx, { newId: deps.newId, now }, actor, {
        action: 'member_invited',
        environment: 'live',
        target: { type: 'invitation', id: invitation.id },
        metadata: { email, role: input.role },
      });
    });
  } catch (error) {
    // Two admins invited the same email at once: the unique key refused the second.
    if (isUniqueViolation(error)) {
      throw new ApiError('CONFLICT', `${email} was invited at the same moment; try again.`);
    }
    throw error;
  }
  return { invitation, inviteUrl: `${publicUrl}/invite?token=${token}` };
}

/**
 * Withdraws an invitation of the actor's workspace (pending or expired): its link stops
 * working at once. Returns what was withdrawn; 404 when the workspace has no such invitation
 * (never made, already accepted or withdrawn, or another workspace's).
 */
export async function cancelInvitation(
  deps: ServiceDeps,
  actor: Actor,
  invitationId: string,
): Promise<InvitationRecord> {
  if (!isPlausibleId(invitationId)) throw notFound('Invitation');
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await findInvitationById(trx, actor.workspaceId, invitationId);
    const removed = await deleteInvitation(trx, actor.workspaceId, invitationId);
    if (!found || !removed) throw notFound('Invitation');
    await recordAudit(trx, { newId: deps.newId, now: isoNow(deps) }, actor, {
      action: 'member_invitation_cancelled',
      environment: 'live',
      target: { type: 'invitation', id: invitationId },
      metadata: { email: removed.email, role: removed.role },
    });
    return found;
  });
}

/**
 * Changes the role a pending invitation grants, keeping its link (the invited person is not
 * told; the new role applies when they accept). 404 when the actor's workspace has no such
 * invitation (never made, accepted, withdrawn, or another workspace's); 409 when it has
 * expired (inviting the email again issues a new link with the role).
 */
export async function changeInvitationRole(
  deps: ServiceDeps,
  actor: Actor,
  invitationId: string,
  role: Role,
): Promise<InvitationRecord> {
  if (!isPlausibleId(invitationId)) throw notFound('Invitation');
  const now = isoNow(deps);
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await findInvitationById(trx, actor.workspaceId, invitationId);
    if (!found) throw notFound('Invitation');
    const changed = await updateInvitationRole(trx, {
      workspaceId: actor.workspaceId,
      id: invitationId,
      role,
      now,
    });
    // Not changed and not expired: accepted or withdrawn meanwhile.
    if (!changed && Date.parse(found.expires_at) > Date.parse(now)) throw notFound('Invitation');
    if (!changed) {
      throw new ApiError(
        'CONFLICT',
        `The invitation for ${found.email} has expired: invite ${found.email} again for a new link.`,
      );
    }
    if (found.role !== role) {
      await recordAudit(trx, { newId: deps.newId, now }, actor, {
        action: 'member_invitation_role_changed',
        environment: 'live',
        target: { type: 'invitation', id: invitationId },
        metadata: { email: found.email, from: found.role, to: role },
      });
    }
    return { ...found, role };
  });
}

/**
 * What an invitation link names (email, workspace, role, inviter), or an unusable-link
 * error. It says nothing about whether the email has an account: the admin who made the
 * link holds it too.
 */
export async function findInvitation(deps: ServiceDeps, token: string): Promise<UsableInvitation> {
  const invitation = await findUsableInvitation(deps.database.db, sha256Hex(token), isoNow(deps));
  if (!invitation) throw new UnusableLinkError('NOT_FOUND', 'Invitation not found.');
  return invitation;
}

/** The joined workspace's id, for the session the caller gets back. */
export interface Joined {
  workspaceId: string;
}

/**
 * A new person accepts: creates their account with their own password and joins the
 * workspace, then signs in. The token is checked before any hashing; an email that has an
 * account already is refused (409) — an invitation never sets or changes the password of
 * an account that exists; its owner accepts while signed in instead.
 */
export async function acceptAsNewAccount(
  deps: ServiceDeps,
  input: { token: string; password: string },
  client: ClientInfo,
): Promise<NewSession & Joined> {
  const tokenHash = sha256Hex(input.token);
  const invitation = await findUsableInvitation(deps.database.db, tokenHash, isoNow(deps));
  if (!invitation) throw new UnusableLinkError('FORBIDDEN', UNUSABLE);
  const accountExists = () =>
    new ApiError(
      'CONFLICT',
      `An account for ${invitation.email} exists already: sign in as ${invitation.email}, then accept the invitation.`,
    );
  if (await findUserByEmail(deps.database.db, invitation.email)) throw accountExists();
  checkPassword(input.password);
  const passwordHash = await hashPassword(deps, input.password);

  const now = isoNow(deps);
  const userId = deps.newId();
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const used = await consumeInvitation(trx, tokenHash, now);
      if (!used) throw new UnusableLinkError('FORBIDDEN', UNUSABLE);
      await insertUser(trx, {
        id: userId,
        email: used.email,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      });
      await join(trx, deps, now, { id: userId, email: used.email }, used, invitation);
    });
  } catch (error) {
    // Someone made the account for this email while the password was being hashed.
    if (isUniqueViolation(error)) throw accountExists();
    throw error;
  }
  deps.outbox?.wake();
  return { ...(await createSession(deps, userId, client)), workspaceId: invitation.workspace_id };
}

/**
 * The owner of an existing account accepts while signed in as it: the link joins that
 * account to the link's workspace, and only if the account's email is the one invited.
 * No password is read or written.
 */
export async function acceptAsSignedIn(
  deps: ServiceDeps,
  person: { userId: string; email: string },
  token: string,
  options: { unusable?: 'FORBIDDEN' | 'GONE' } = {},
): Promise<Joined & { role: Role }> {
  const unusable = () => new UnusableLinkError(options.unusable ?? 'FORBIDDEN', UNUSABLE);
  const tokenHash = sha256Hex(token);
  const invitation = await findUsableInvitation(deps.database.db, tokenHash, isoNow(deps));
  if (!invitation) throw unusable();
  if (invitation.email !== person.email) {
    throw new ApiError(
      'FORBIDDEN',
      `This invitation is for ${invitation.email}, and you are signed in as ${person.email}. Sign in as ${invitation.email} to accept it.`,
    );
  }
  const now = isoNow(deps);
  const role = await deps.database.db.transaction().execute(async (trx) => {
    await lockWorkspaceMemberships(trx, deps.database.dialect, invitation.workspace_id);
    const used = await consumeInvitation(trx, tokenHash, now);
    if (!used) throw unusable();
    const member = await findMember(trx, used.workspace_id, person.userId);
    if (member) return member.role;
    await join(trx, deps, now, { id: person.userId, email: person.email }, used, invitation);
    return used.role;
  });
  deps.outbox?.wake();
  return { workspaceId: invitation.workspace_id, role };
}

/** The membership an accepted invitation makes, and its `member_joined` event. */
async function join(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  now: string,
  user: { id: string; email: string },
  invitation: { workspace_id: string; role: Role },
  shown: { created_by_email: string | null },
): Promise<void> {
  await insertMembership(trx, {
    workspace_id: invitation.workspace_id,
    user_id: user.id,
    role: invitation.role,
    created_at: now,
  });
  await recordAudit(
    trx,
    { newId: deps.newId, now },
    {
      type: 'user',
      id: user.id,
      name: user.email,
      workspaceId: invitation.workspace_id,
      userId: user.id,
    },
    {
      action: 'member_joined',
      environment: 'live',
      target: { type: 'user', id: user.id },
      metadata: { email: user.email, role: invitation.role, invited_by: shown.created_by_email },
    },
  );
  await enqueueMemberEvent(
    trx,
    { newId: deps.newId, now },
    'member.added',
    invitation.workspace_id,
    { user_id: user.id, email: user.email, role: invitation.role },
    {
      type: 'user',
      id: user.id,
      name: user.email,
      workspaceId: invitation.workspace_id,
      userId: user.id,
    },
    { invited_by: shown.created_by_email },
  );
}
