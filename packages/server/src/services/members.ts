import { randomBytes } from 'node:crypto';
import type { Role } from '@onepin/core';
import {
  consumeInvitation,
  countAdmins,
  type Database,
  deleteInvitations,
  deleteMembership,
  findMember,
  findUsableInvitation,
  findUserByEmail,
  insertInvitation,
  insertMembership,
  insertUser,
  type Kysely,
  listMembers as listMemberRows,
  lockWorkspaceMemberships,
  type MemberRecord,
  updateMembershipRole,
  updateUserPassword,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { sha256Hex } from '../auth/sha256.js';
import { checkPassword, hashPassword, normalizeEmail } from './accounts.js';
import { recordAudit } from './audit.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { type ClientInfo, createSession, type NewSession } from './sessions.js';

/** How long a member's link to set a password stays usable. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function listMembers(
  deps: ServiceDeps,
  workspaceId: string,
  page: { limit: number; offset: number },
) {
  return listMemberRows(deps.database.db, { workspaceId, ...page });
}

export interface AddedMember {
  member: MemberRecord;
  /** A one-time link to set a password, for a person who has none yet; shown once. */
  inviteUrl: string | null;
}

/**
 * Adds a person to the actor's workspace by email with a role. Someone without an account
 * gets one without a password, and the admin gets a one-time link (valid 7 days) to hand
 * over, with which that person sets their own password. Only its hash is stored.
 */
export async function addMember(
  deps: ServiceDeps,
  actor: Actor,
  input: { email: string; role: Role },
  publicUrl: string,
): Promise<AddedMember> {
  const email = normalizeEmail(input.email);
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const workspaceId = actor.workspaceId;
  const existing = await findUserByEmail(deps.database.db, email);
  if (existing && (await findMember(deps.database.db, workspaceId, existing.id))) {
    throw new ApiError('CONFLICT', `${email} is already a member of this workspace.`);
  }
  const userId = existing?.id ?? deps.newId();
  const token = existing?.password_hash ? null : randomBytes(32).toString('base64url');
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      if (!existing) {
        await insertUser(trx, {
          id: userId,
          email,
          password_hash: null,
          created_at: now,
          updated_at: now,
        });
      }
      await insertMembership(trx, {
        workspace_id: workspaceId,
        user_id: userId,
        role: input.role,
        created_at: now,
      });
      if (token) {
        await insertInvitation(trx, {
          token_hash: sha256Hex(token),
          user_id: userId,
          workspace_id: workspaceId,
          created_by: actor.userId,
          created_at: now,
          expires_at: new Date(nowMs + INVITATION_TTL_MS).toISOString(),
        });
      }
      await recordAudit(trx, { newId: deps.newId, now }, actor, {
        action: 'member_added',
        environment: 'live',
        target: { type: 'user', id: userId },
        metadata: { email, role: input.role },
      });
    });
  } catch (error) {
    // Someone added the same person at the same moment: the unique keys refused the second.
    const raced = await findUserByEmail(deps.database.db, email);
    if (raced && (await findMember(deps.database.db, workspaceId, raced.id))) {
      throw new ApiError('CONFLICT', `${email} is already a member of this workspace.`);
    }
    throw error;
  }
  const member = await findMember(deps.database.db, workspaceId, userId);
  if (!member) throw notFound('Member');
  return { member, inviteUrl: token && `${publicUrl}/invite?token=${token}` };
}

const LAST_ADMIN = 'A workspace needs at least one admin: make someone else an admin first.';

/** Runs `change` on one member with the workspace's memberships locked. */
async function withMember<T>(
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
  change: (trx: Kysely<Database>, member: MemberRecord) => Promise<T>,
): Promise<T> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockWorkspaceMemberships(trx, deps.database.dialect, workspaceId);
    const member = await findMember(trx, workspaceId, userId);
    if (!member) throw notFound('Member');
    return change(trx, member);
  });
}

/** Changes a member's role; the last admin cannot be demoted (409). */
export function changeMemberRole(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  role: Role,
): Promise<MemberRecord> {
  return withMember(deps, actor.workspaceId, userId, async (trx, member) => {
    if (member.role === role) return member;
    if (member.role === 'admin' && (await countAdmins(trx, actor.workspaceId)) <= 1) {
      throw new ApiError('CONFLICT', LAST_ADMIN);
    }
    await updateMembershipRole(trx, actor.workspaceId, userId, role);
    await recordAudit(trx, { newId: deps.newId, now: isoNow(deps) }, actor, {
      action: 'member_role_changed',
      environment: 'live',
      target: { type: 'user', id: userId },
      metadata: { email: member.email, from: member.role, to: role },
    });
    return { ...member, role };
  });
}

/**
 * Removes a member (and their unused invitation) from the workspace; the last admin cannot
 * be removed (409). Their sessions stop reaching this workspace on the next request.
 */
export function removeMember(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<MemberRecord> {
  return withMember(deps, actor.workspaceId, userId, async (trx, member) => {
    if (member.role === 'admin' && (await countAdmins(trx, actor.workspaceId)) <= 1) {
      throw new ApiError('CONFLICT', LAST_ADMIN);
    }
    await deleteMembership(trx, actor.workspaceId, userId);
    await deleteInvitations(trx, actor.workspaceId, userId);
    await recordAudit(trx, { newId: deps.newId, now: isoNow(deps) }, actor, {
      action: 'member_removed',
      environment: 'live',
      target: { type: 'user', id: userId },
      metadata: { email: member.email, role: member.role },
    });
    return member;
  });
}

/** Who an invitation link is for, or `undefined` when it cannot be used. */
export function findInvitation(deps: ServiceDeps, token: string) {
  return findUsableInvitation(deps.database.db, sha256Hex(token), isoNow(deps));
}

/** Sets the invited person's password with their one-time link, and signs them in. */
export async function acceptInvitation(
  deps: ServiceDeps,
  input: { token: string; password: string },
  client: ClientInfo,
): Promise<NewSession> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = isoNow(deps);
  const userId = await deps.database.db.transaction().execute(async (trx) => {
    const id = await consumeInvitation(trx, sha256Hex(input.token), now);
    if (id === undefined) {
      throw new ApiError('FORBIDDEN', 'This invitation link is invalid, expired or already used.');
    }
    await updateUserPassword(trx, id, passwordHash, now);
    return id;
  });
  return createSession(deps, userId, client);
}
