import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from './api.js';
import { formatTime, keyStatus } from './format.js';
import { describeEvent } from './pages/activity-page.js';

describe('keyStatus', () => {
  const key = { active: true, revoked_at: null, expires_at: null };
  it.each([
    ['active', key],
    ['revoked', { ...key, active: false, revoked_at: '2020-01-01T00:00:00.000Z' }],
    ['expired', { ...key, expires_at: '2020-01-01T00:00:00.000Z' }],
    ['active', { ...key, expires_at: '2999-01-01T00:00:00.000Z' }],
  ])('says %s', (status, value) => {
    expect(keyStatus(value)).toBe(status);
  });
});

describe('formatTime', () => {
  it('shows the fallback for no time', () => {
    expect(formatTime(null, 'Never')).toBe('Never');
  });
});

describe('describeEvent', () => {
  const event = (type: string, metadata: Record<string, unknown>): ActivityEvent => ({
    id: '1',
    type,
    action: type,
    kind: type.split('_')[0] ?? type,
    environment: 'live',
    actor: { type: 'user', id: 'u', name: 'a@example.com' },
    user: { id: 'u', name: 'a@example.com' },
    target: null,
    resource: { type: 'workspace', id: null, name: null },
    metadata,
    created_at: '2026-01-01T00:00:00.000Z',
    timestamp: '2026-01-01T00:00:00.000Z',
  });

  it.each([
    ['api_key_created', { name: 'CI' }, 'Created API key “CI”'],
    ['api_key_revoked', { name: 'CI' }, 'Revoked API key “CI”'],
    [
      'member_role_changed',
      { email: 'b@x.io', from: 'viewer', to: 'admin' },
      'Changed b@x.io’s role from viewer to admin',
    ],
    ['member_login', {}, 'Signed in'],
    ['workflow_created', { name: 'Dub' }, 'Workflow created “Dub”'],
  ])('tells %s in words', (type, metadata, text) => {
    expect(describeEvent(event(type, metadata))).toBe(text);
  });
});
