import {
  type AuditCursor,
  type AuditEventRecord,
  findApiKeyCreators,
  findMember,
  findUserById,
  listApiKeyIdsCreatedBy,
  listAuditEvents,
} from '@onepin/db';
import { notFound } from '../api-error.js';
import type { Principal } from '../auth/principal.js';
import { rangeStart } from './activity-window.js';
import type { ServiceDeps } from './service-deps.js';
import { workspaceOwnerId } from './workspaces.js';

/** The owner as an activity's person: id and email (the id alone if they are gone). */
async function workspaceOwner(deps: ServiceDeps, workspaceId: string) {
  const id = await workspaceOwnerId(deps, workspaceId);
  const user = id ? await findUserById(deps.database.db, id) : undefined;
  return id ? { id, name: user?.email ?? id } : null;
}

/** The activity types of the public OnePin API. */
export const OFFICIAL_ACTIVITY_ACTIONS = [
  'workflow_run',
  'voice_generated',
  'template_applied',
  'member_invited',
  'api_key_created',
  'settings_changed',
] as const;

/** Every event this server records, by the action it is listed under. */
const EVENTS_BY_ACTION: Readonly<Record<string, readonly string[]>> = {
  workflow_run: [],
  voice_generated: [],
  template_applied: ['template_cloned'],
  member_invited: ['member_added'],
  api_key_created: ['api_key_created'],
  settings_changed: [
    'api_key_updated',
    'api_key_rotated',
    'api_key_revoked',
    'member_role_changed',
    'member_removed',
  ],
};

/** The events this server records that fit none of the public API's types: listed as themselves. */
export const OWN_ACTIVITY_EVENTS = [
  'member_login',
  'test_data_wiped',
  'upload_confirmed',
  'upload_deleted',
  'workflow_created',
  'workflow_deleted',
  'workflow_updated',
  'workspace_created',
] as const;

export const ACTIVITY_TYPES = [
  ...OFFICIAL_ACTIVITY_ACTIONS,
  ...Object.values(EVENTS_BY_ACTION).flat(),
  ...OWN_ACTIVITY_EVENTS,
] as const;

const ACTION_OF_EVENT = new Map(
  Object.entries(EVENTS_BY_ACTION).flatMap(([action, events]) =>
    events.map((event) => [event, action] as const),
  ),
);

/** The public API's `action` of one of our events (its own name when none fits). */
export function activityAction(eventType: string): string {
  return ACTION_OF_EVENT.get(eventType) ?? eventType;
}

/** The events a `type` filter matches: an official type's events, or the one event named. */
function eventsOfType(type: string): readonly string[] {
  return EVENTS_BY_ACTION[type] ?? [type];
}

export const ACTIVITY_RANGES = { '30d': 30, '60d': 60, '90d': 90 } as const;

export interface ActivityQuery {
  limit: number;
  after?: AuditCursor | undefined;
  range?: keyof typeof ACTIVITY_RANGES | undefined;
  type?: string | undefined;
  userId?: string | undefined;
  /** IANA; the range's days are this zone's calendar days. */
  timeZone: string;
}

/** An event with the person behind it (a key's creator for key events), if any. */
export interface ActivityEntry extends AuditEventRecord {
  person: { id: string; name: string } | null;
}

/**
 * One page of the caller's audit log, newest first. An API key sees its own environment's
 * events only. `userId` must be a member (404 otherwise) and matches what they did
 * themselves or with keys they created (for the owner, also keys no person created).
 */
export async function listActivity(
  deps: ServiceDeps,
  principal: Principal,
  query: ActivityQuery,
): Promise<{ items: ActivityEntry[]; hasMore: boolean }> {
  const db = deps.database.db;
  let actorIds: string[] | undefined;
  if (query.userId !== undefined) {
    if (!(await findMember(db, principal.workspaceId, query.userId))) throw notFound('Member');
    const isOwner = (await workspaceOwnerId(deps, principal.workspaceId)) === query.userId;
    actorIds = [
      query.userId,
      ...(await listApiKeyIdsCreatedBy(db, principal.workspaceId, query.userId, isOwner)),
    ];
  }
  const page = await listAuditEvents(db, {
    workspaceId: principal.workspaceId,
    ...(principal.kind === 'api_key' && { environment: principal.environment }),
    ...(query.type !== undefined && { actions: eventsOfType(query.type) }),
    ...(actorIds && { actorIds }),
    ...(query.range && {
      since: rangeStart(deps.clock.now(), ACTIVITY_RANGES[query.range], query.timeZone),
    }),
    ...(query.after && { after: query.after }),
    limit: query.limit,
  });
  const keyIds = page.items.flatMap((event) =>
    event.actor_type === 'api_key' && event.actor_id ? [event.actor_id] : [],
  );
  const creators = await findApiKeyCreators(db, keyIds);
  // Keys no person created (`admin create-key`) act for the workspace's owner, as in whoami.
  const owner = keyIds.some((id) => !creators.has(id))
    ? await workspaceOwner(deps, principal.workspaceId)
    : null;
  const items = page.items.map((event): ActivityEntry => {
    if (event.actor_type === 'user' && event.actor_id) {
      return { ...event, person: { id: event.actor_id, name: event.actor_name ?? event.actor_id } };
    }
    if (event.actor_type !== 'api_key' || !event.actor_id) return { ...event, person: null };
    const creator = creators.get(event.actor_id);
    return { ...event, person: creator ? { id: creator.id, name: creator.email } : owner };
  });
  return { items, hasMore: page.hasMore };
}
