import { formatBytes } from '@onepin/core';

/** What a sentence is made from (the fields of `ActivityEvent` that matter). */
export interface ActivityInput {
  type: string;
  actor: { type: 'api_key' | 'user' | 'system'; id: string | null; name: string | null };
  target: { type: string; id: string } | null;
  metadata: Record<string, unknown>;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const quoted = (value: unknown): string => {
  const t = text(value);
  return t === undefined ? '' : ` “${t}”`;
};
/** ` (op_live_…AbCd)` when the event names the key's preview: same-named keys differ by it. */
const preview = (value: unknown): string => {
  const t = text(value);
  return t === undefined ? '' : ` (${t})`;
};
const count = (value: unknown, noun: string): string => {
  const n = typeof value === 'number' ? value : 0;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
};

const KEY_FIELDS: Record<string, string> = {
  name: 'name',
  scopes: 'scopes',
  rate_limit_per_min: 'rate limit',
  active: 'enabled',
  expires_at: 'expiry',
};

function keyChanges(changes: unknown): string {
  if (typeof changes !== 'object' || changes === null) return '';
  const fields = Object.keys(changes).map((field) => KEY_FIELDS[field] ?? field);
  return fields.length > 0 ? `: ${fields.join(', ')}` : '';
}

/** What a member's removal did with their keys (the choice is part of the record). */
function removedKeys(m: Record<string, unknown>): string {
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const keys = (n: number) => (n === 1 ? '1 key' : `${n} keys`);
  const revoked = count(m.revoked_keys);
  const kept = count(m.kept_keys);
  if (revoked > 0) return ` and revoked their ${keys(revoked)}`;
  if (kept > 0) return `, keeping their ${keys(kept)} working`;
  return '';
}

/** Why a key was revoked, when something other than a direct revoke did it. */
const REVOKE_REASONS: Record<string, string> = {
  member_removed: ' (its maker was removed)',
  device_logout: ' (onepin logout on its device)',
};

/** The device of a sign-in as the audit log recorded it: its host and the address seen. */
function deviceOf(m: Record<string, unknown>): string {
  const host = text(m.host_name) ?? 'an unnamed host';
  return text(m.ip_address) ? `${host}, from ${m.ip_address}` : host;
}

function rotation(m: Record<string, unknown>, formatTime: (iso: string) => string): string {
  const arrow = text(m.preview) && text(m.new_preview) ? ` (${m.preview} → ${m.new_preview})` : '';
  const ends = text(m.old_key_ends_at);
  const end =
    m.grace_period_seconds === 0 || ends === undefined
      ? '; the old key stopped working at once'
      : `; the old key works until ${formatTime(ends)}`;
  return `Rotated API key${quoted(m.name)}${arrow}${end}`;
}

/**
 * One sentence saying what happened, from an audit event's type and metadata (which never
 * holds a secret): "Rotated API key “CI” (op_live_…AbCd → op_live_…WxYz); the old key works
 * until …". The CLI and the dashboard both print these. `formatTime` renders a time inside
 * the sentence (an absolute one: the event may be old).
 */
export function describeActivity(
  event: ActivityInput,
  formatTime: (iso: string) => string,
): string {
  const m = event.metadata;
  switch (event.type) {
    case 'api_key_created':
      return `Created API key${quoted(m.name)}${preview(m.preview)}${m.created_via === 'device_login' ? ' for a device that signed in through the browser' : ''}`;
    case 'api_key_updated':
      return `Changed API key${quoted(m.name)}${preview(m.preview)}${keyChanges(m.changes)}`;
    case 'api_key_rotated':
      return rotation(m, formatTime);
    case 'api_key_revoked':
      return `Revoked API key${quoted(m.name)}${preview(m.preview)}${REVOKE_REASONS[String(m.reason)] ?? ''}`;
    case 'member_added':
      return `Added ${text(m.email) ?? 'a member'} as ${text(m.role) ?? 'member'}`;
    case 'member_invited':
      return `Invited ${text(m.email) ?? 'a member'} as ${text(m.role) ?? 'member'}`;
    case 'member_invitation_cancelled':
      return `Cancelled the invitation for ${text(m.email) ?? 'a member'}`;
    case 'member_invitation_role_changed':
      return `Changed the invitation for ${text(m.email) ?? 'a member'} from ${m.from} to ${m.to}`;
    case 'member_joined':
      return `Joined as ${text(m.role) ?? 'member'}${text(m.invited_by) ? `, invited by ${m.invited_by}` : ''}`;
    case 'member_password_set':
      return 'Set a password with a one-time link';
    case 'member_removed':
      return `Removed ${text(m.email) ?? 'a member'}${removedKeys(m)}`;
    case 'member_role_changed':
      return `Changed ${text(m.email) ?? 'a member'}’s role from ${m.from} to ${m.to}`;
    case 'member_login':
      return 'Signed in';
    case 'workspace_created':
      return `Created the workspace${quoted(m.name)}`;
    case 'device_login_approved':
      return `Approved a device sign-in (${deviceOf(m)}) for the key${quoted(m.key_name)}`;
    case 'device_login_denied':
      return `Denied a device sign-in (${deviceOf(m)})`;
    case 'service_token_created':
      return `Created service token${quoted(m.name)}${preview(m.preview)}`;
    case 'service_token_revoked':
      return `Revoked service token${quoted(m.name)}${preview(m.preview)}`;
    case 'workflow_created':
      return text(m.duplicated_from)
        ? `Duplicated a workflow as${quoted(m.name)}`
        : `Created workflow${quoted(m.name)}`;
    case 'workflow_updated':
      return text(m.previous_name)
        ? `Renamed workflow${quoted(m.previous_name)} to${quoted(m.name)}`
        : `Changed workflow${quoted(m.name)}`;
    case 'workflow_deleted':
      return `Deleted workflow${quoted(m.name)}`;
    case 'template_cloned':
      return `Created workflow${quoted(m.name)} from template${quoted(m.template_name)}`;
    case 'upload_confirmed':
      return `Uploaded ${text(m.filename) ?? 'a file'}${typeof m.size_bytes === 'number' ? ` (${formatBytes(m.size_bytes)})` : ''} to a workflow`;
    case 'upload_deleted':
      return `Deleted upload ${text(m.filename) ?? ''}`.trimEnd();
    case 'test_data_wiped':
      return `Wiped the test data (${count(m.workflows, 'workflow')}, ${count(m.uploads, 'upload')})`;
    default: {
      const words = event.type.replaceAll('_', ' ');
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}${quoted(m.name ?? m.email)}`;
    }
  }
}

/** Who did it: a person's email, `API key “CI”`, or the admin commands. */
export function describeActor(actor: ActivityInput['actor']): string {
  if (actor.type === 'system') return 'OnePin (admin command)';
  const name = actor.name ?? actor.id ?? 'unknown';
  return actor.type === 'api_key' ? `API key “${name}”` : name;
}
