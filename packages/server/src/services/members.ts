import type { Role } from '@onepin/core';
import {
  type ApiKeyRecord,
  countAdmins,
  countInvitations,
  type Database,
  deleteMembership,
  findMember,
  type InvitationRecord,
  type Kysely,
  listInvitations,
  listLiveKeysCreatedBy,
  listMembers as listMemberRows,
  lockWorkspaceMemberships,
  type MemberRecord,
  updateMembershipRole,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { revokeInTransaction } from './api-keys.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { changeFoundKeys } from './key-invalidation.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { enqueueMemberEvent } from './webhook-outbox.js';

/** One row of the members page: someone who joined, or an invitation not yet accepted. */
export type MemberEntry =
  | { status: 'active'; member: MemberRecord; lastAdmin: boolean }
  | { status: 'invited'; invitation: InvitationRecord };

/**
 * The workspace's members, oldest first, then its pending invitations, oldest first, as one
 * paged list. `lastAdmin` marks the only admin, whom no one can remove or demote.
 */
export async function listMembers(
  deps: ServiceDeps,
  workspaceId: string,
  page: { limit: number; offset: number },
): Promise<{ items: MemberEntry[]; total: number }> {
  const db = deps.database.db;
  const [members, invitationCount, admins] = await Promise.all([
    listMemberRows(db, { workspaceId, ...page }),
    countInvitations(db, workspaceId),
    countAdmins(db, workspaceId),
  ]);
  const items: MemberEntry[] = members.items.map((member) => ({
    status: 'active',
    member,
    lastAdmin: member.role === 'admin' && admins === 1,
  }));
  const room = page.limit - items.length;
  if (room > 0 && invitationCount > 0) {
    const offset = Math.max(0, page.offset - members.total);
    const invitations = await listInvitations(db, { workspaceId, limit: room, offset });
    for (const invitation of invitations) items.push({ status: 'invited', invitation });
  }
  return { items, total: members.total + invitationCount };
}

const LAST_ADMIN = 'A workspace needs at least one admin: make someone else an admin first.';

/** Runs `change` on one member with the workspace's memberships locked. */
async function withMember<T>(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
  change: (member: MemberRecord) => Promise<T>,
): Promise<T> {
  await lockWorkspaceMemberships(trx, deps.database.dialect, workspaceId);
  const member = isPlausibleId(userId) ? await findMember(trx, workspaceId, userId) : undefined;
  if (!member) throw notFound('Member');
  return change(member);
}

/** Changes a member's role; the last admin cannot be demoted (409). */
export async function changeMemberRole(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  role: Role,
): Promise<MemberEntry> {
  const entry = await deps.database.db.transaction().execute(
    (trx): Promise<MemberEntry> =>
      withMember(trx, deps, actor.workspaceId, userId, async (member) => {
        const admins = await countAdmins(trx, actor.workspaceId);
        if (member.role !== role) {
          if (member.role === 'admin' && admins <= 1) throw new ApiError('CONFLICT', LAST_ADMIN);
          await updateMembershipRole(trx, actor.workspaceId, userId, role);
          await recordAudit(trx, { newId: deps.newId, now: isoNow(deps) }, actor, {
            action: 'member_role_changed',
            environment: 'live',
            target: { type: 'user', id: userId },
            metadata: { email: member.email, from: member.role, to: role },
          });
          await enqueueMemberEvent(
            trx,
            { newId: deps.newId, now: isoNow(deps) },
            'member.role_changed',
            actor.workspaceId,
            { user_id: userId, email: member.email, role },
            actor,
            { previous_role: member.role },
          );
        }
        const after = await countAdmins(trx, actor.workspaceId);
        return {
          status: 'active',
          member: { ...member, role },
          lastAdmin: role === 'admin' && after === 1,
        };
      }),
  );
  deps.outbox?.wake();
  return entry;
}

/**
 * The keys a member made in the workspace that still work or could work again (neither
 * revoked nor expired): what removing them offers to revoke.
 */
export async function listMemberKeys(
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
): Promise<ApiKeyRecord[]> {
  const db = deps.database.db;
  const member = isPlausibleId(userId) ? await findMember(db, workspaceId, userId) : undefined;
  if (!member) throw notFound('Member');
  return listLiveKeysCreatedBy(db, { workspaceId, userId, now: isoNow(deps) });
}

export interface RemovedMember {
  member: MemberRecord;
  /** Their keys this removal revoked (`revokeKeys`), each evicted from every node's cache. */
  revokedKeys: ApiKeyRecord[];
  /** Their keys left working, because the caller chose to keep them. */
  keptKeys: ApiKeyRecord[];
}

/**
 * Removes a member from the workspace, and by default revokes the keys they made there in
 * the same transaction (issue 11: a removed member's keys used to keep working unnoticed).
 * The caller may keep the keys (`revokeKeys: false`); `member_removed` records the choice
 * and which keys it concerned. The last admin cannot be removed (409). Their sessions stop
 * reaching this workspace on the next request.
 */
export function removeMember(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  options: { revokeKeys: boolean },
): Promise<RemovedMember> {
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  return changeFoundKeys(deps, 'revoked', (trx) =>
    withMember(trx, deps, actor.workspaceId, userId, async (member) => {
      if (member.role === 'admin' && (await countAdmins(trx, actor.workspaceId)) <= 1) {
        throw new ApiError('CONFLICT', LAST_ADMIN);
      }
      const keys = await listLiveKeysCreatedBy(trx, {
        workspaceId: actor.workspaceId,
        userId,
        now,
      });
      await deleteMembership(trx, actor.workspaceId, userId);
      const revokedKeys: ApiKeyRecord[] = [];
      if (options.revokeKeys) {
        for (const key of keys) {
          revokedKeys.push(
            await revokeInTransaction(trx, deps, actor, key, nowMs, 'member_removed'),
          );
        }
      }
      const keptKeys = options.revokeKeys ? [] : keys;
      const summary = (list: ApiKeyRecord[]) => list.map((key) => ({ id: key.id, name: key.name }));
      await recordAudit(trx, { newId: deps.newId, now }, actor, {
        action: 'member_removed',
        environment: 'live',
        target: { type: 'user', id: userId },
        metadata: {
          email: member.email,
          role: member.role,
          revoke_keys: options.revokeKeys,
          revoked_keys: summary(revokedKeys),
          kept_keys: summary(keptKeys),
        },
      });
      await enqueueMemberEvent(
        trx,
        { newId: deps.newId, now },
        'member.removed',
        actor.workspaceId,
        { user_id: userId, email: member.email, role: member.role },
        actor,
        {
          revoked_key_ids: revokedKeys.map((key) => key.id),
          kept_key_ids: keptKeys.map((key) => key.id),
        },
      );
      return {
        value: { member, revokedKeys, keptKeys },
        hashes: options.revokeKeys ? keys.map((key) => key.key_hash) : [],
      };
    }),
  );
}
