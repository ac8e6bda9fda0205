import { describe, expect, it } from 'vitest';
import {
  describeActivity,
  describeActor,
  formatBytes,
  formatDuration,
  keyStatus,
  keyStatusLabel,
  relativeTime,
} from './index.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('formatDuration rounds the way a person reads', () => {
  it.each([
    [0, 'less than a minute'],
    [44 * SECOND, 'less than a minute'],
    [45 * SECOND, '1 minute'],
    [89 * SECOND, '1 minute'],
    [90 * SECOND, '2 minutes'],
    [30 * MINUTE, '30 minutes'],
    [44 * MINUTE + 29 * SECOND, '44 minutes'],
    [45 * MINUTE, '1 hour'],
    [3 * HOUR, '3 hours'],
    [21 * HOUR + 29 * MINUTE, '21 hours'],
    [22 * HOUR, '1 day'],
    [24 * HOUR, '1 day'],
    // `--grace 3d` seconds after the rotation: still 3 days, not "2 days".
    [3 * DAY - 5 * SECOND, '3 days'],
    [7 * DAY, '7 days'],
    [25 * DAY, '25 days'],
    [26 * DAY, '1 month'],
    [120 * DAY, '4 months'],
    [400 * DAY, '1 year'],
    [3 * 365 * DAY, '3 years'],
  ])('%i ms is %j', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
    expect(formatDuration(-ms)).toBe(words);
  });
});

describe('relativeTime', () => {
  it('says how long ago or how soon, with "less than a minute" for the last minute', () => {
    expect(relativeTime(at(-5 * SECOND), NOW)).toBe('less than a minute ago');
    expect(relativeTime(at(5 * SECOND), NOW)).toBe('in less than a minute');
    expect(relativeTime(at(0), NOW)).toBe('less than a minute ago');
    expect(relativeTime(at(-3 * DAY), NOW)).toBe('3 days ago');
    expect(relativeTime(at(2 * HOUR), NOW)).toBe('in 2 hours');
    expect(relativeTime(at(3 * DAY - 2 * SECOND), NOW)).toBe('in 3 days');
  });

  it('returns what is not a time as given', () => {
    expect(relativeTime('not a time', NOW)).toBe('not a time');
  });
});

describe('formatBytes', () => {
  it('prints the upload limit as 50 MiB', () => {
    expect(formatBytes(52_428_800)).toBe('50 MiB');
  });
});

describe('keyStatus and keyStatusLabel', () => {
  const key = { active: true, revoked_at: null, expires_at: null, replaced_by: null };
  const relative = (iso: string) => relativeTime(iso, NOW);

  it.each<[string, Parameters<typeof keyStatus>[0], string]>([
    ['an active key', key, 'Active'],
    ['a key with a future expiry', { ...key, expires_at: at(DAY) }, 'Active'],
    ['an expired key', { ...key, active: false, expires_at: at(-DAY) }, 'Expired 1 day ago'],
    [
      'a revoked key, even with a future expiry',
      { ...key, active: false, revoked_at: at(-2 * HOUR), expires_at: at(23 * HOUR) },
      'Revoked 2 hours ago',
    ],
    ['a disabled key', { ...key, active: false }, 'Disabled'],
    [
      'a rotated key in its grace period',
      { ...key, replaced_by: 'new', expires_at: at(3 * DAY - 5 * SECOND) },
      'Rotated — stops working in 3 days',
    ],
    [
      'a rotated key after its grace period',
      { ...key, active: false, replaced_by: 'new', expires_at: at(-HOUR) },
      'Rotated — stopped working 1 hour ago',
    ],
    [
      'a key rotated without grace',
      { ...key, active: false, replaced_by: 'new', revoked_at: at(-MINUTE * 5) },
      'Rotated — stopped working 5 minutes ago',
    ],
  ])('labels %s', (_, input, label) => {
    expect(keyStatusLabel(keyStatus(input, NOW), relative)).toBe(label);
  });

  it('passes absolute times through the given formatter', () => {
    const status = keyStatus({ ...key, replaced_by: 'new', expires_at: at(DAY) }, NOW);
    expect(status).toEqual({ state: 'rotated', endsAt: at(DAY), ended: false });
    expect(keyStatusLabel(status, (iso) => `at ${iso}`)).toBe(
      `Rotated — stops working at ${at(DAY)}`,
    );
  });
});

describe('describeActivity', () => {
  const user = { type: 'user' as const, id: 'u1', name: 'ada@example.com' };
  const event = (type: string, metadata: Record<string, unknown>) => ({
    type,
    actor: user,
    target: null,
    metadata,
  });
  const iso = (time: string) => `[${time}]`;

  it.each<[string, Record<string, unknown>, string]>([
    [
      'api_key_created',
      { name: 'CI', preview: 'op_live_…AbCd' },
      'Created API key “CI” (op_live_…AbCd)',
    ],
    ['api_key_created', { name: 'CI' }, 'Created API key “CI”'],
    [
      'api_key_updated',
      { name: 'CI', preview: 'op_live_…AbCd', changes: { scopes: {}, expires_at: {} } },
      'Changed API key “CI” (op_live_…AbCd): scopes, expiry',
    ],
    [
      'api_key_rotated',
      {
        name: 'CI',
        preview: 'op_live_…AbCd',
        new_preview: 'op_live_…WxYz',
        grace_period_seconds: 86_400,
        old_key_ends_at: '2026-06-02T12:00:00.000Z',
      },
      'Rotated API key “CI” (op_live_…AbCd → op_live_…WxYz); the old key works until [2026-06-02T12:00:00.000Z]',
    ],
    [
      'api_key_rotated',
      { name: 'CI', grace_period_seconds: 0, old_key_ends_at: '2026-06-01T12:00:00.000Z' },
      'Rotated API key “CI”; the old key stopped working at once',
    ],
    [
      'api_key_revoked',
      { name: 'CI', preview: 'op_test_…9xQ2' },
      'Revoked API key “CI” (op_test_…9xQ2)',
    ],
    [
      'member_role_changed',
      { email: 'b@x.io', from: 'viewer', to: 'admin' },
      'Changed b@x.io’s role from viewer to admin',
    ],
    ['member_login', {}, 'Signed in'],
    [
      'device_login_approved',
      { host_name: 'laptop', ip_address: '192.0.2.1', key_name: 'CLI on laptop' },
      'Approved a device sign-in (laptop, from 192.0.2.1) for the key “CLI on laptop”',
    ],
    ['device_login_denied', { host_name: 'laptop' }, 'Denied a device sign-in (laptop)'],
    [
      'service_token_created',
      { name: 'billing-api', preview: 'op_svc_…AbCd' },
      'Created service token “billing-api” (op_svc_…AbCd)',
    ],
    [
      'api_key_created',
      { name: 'CLI on laptop', created_via: 'device_login' },
      'Created API key “CLI on laptop” for a device that signed in through the browser',
    ],
    [
      'api_key_revoked',
      { name: 'CLI on laptop', reason: 'device_logout' },
      'Revoked API key “CLI on laptop” (onepin logout on its device)',
    ],
    [
      'api_key_revoked',
      { name: 'CI', preview: 'op_live_…AbCd', reason: 'member_removed' },
      'Revoked API key “CI” (op_live_…AbCd) (its maker was removed)',
    ],
    ['member_invited', { email: 'b@x.io', role: 'viewer' }, 'Invited b@x.io as viewer'],
    ['member_invitation_cancelled', { email: 'b@x.io' }, 'Cancelled the invitation for b@x.io'],
    [
      'member_invitation_role_changed',
      { email: 'b@x.io', from: 'viewer', to: 'editor' },
      'Changed the invitation for b@x.io from viewer to editor',
    ],
    [
      'member_joined',
      { role: 'editor', invited_by: 'a@x.io' },
      'Joined as editor, invited by a@x.io',
    ],
    ['member_password_set', {}, 'Set a password with a one-time link'],
    [
      'member_removed',
      { email: 'b@x.io', revoked_keys: ['k1', 'k2'] },
      'Removed b@x.io and revoked their 2 keys',
    ],
    [
      'member_removed',
      { email: 'b@x.io', kept_keys: ['k1'] },
      'Removed b@x.io, keeping their 1 key working',
    ],
    ['workflow_created', { name: 'Dub' }, 'Created workflow “Dub”'],
    ['workflow_updated', { name: 'New', previous_name: 'Old' }, 'Renamed workflow “Old” to “New”'],
    [
      'template_cloned',
      { name: 'Pod', template_name: 'Podcast' },
      'Created workflow “Pod” from template “Podcast”',
    ],
    [
      'upload_confirmed',
      { filename: 'a.srt', size_bytes: 52_428_800 },
      'Uploaded a.srt (50 MiB) to a workflow',
    ],
    [
      'test_data_wiped',
      { workflows: 1, uploads: 2 },
      'Wiped the test data (1 workflow, 2 uploads)',
    ],
    ['something_new', { name: 'X' }, 'Something new “X”'],
  ])('tells %s in words', (type, metadata, sentence) => {
    expect(describeActivity(event(type, metadata), iso)).toBe(sentence);
  });

  it('names the actor', () => {
    expect(describeActor(user)).toBe('ada@example.com');
    expect(describeActor({ type: 'api_key', id: 'k', name: 'CI' })).toBe('API key “CI”');
    expect(describeActor({ type: 'system', id: null, name: 'x' })).toBe('OnePin (admin command)');
  });
});
