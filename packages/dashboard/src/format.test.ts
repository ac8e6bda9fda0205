import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from './api.js';
import { formatAgo, formatTime, keyStatusText } from './format.js';
import { describeEvent } from './pages/activity-page.js';

describe('keyStatusText', () => {
  const NOW = Date.parse('2026-06-01T12:00:00.000Z');
  const key = { active: true, revoked_at: null, expires_at: null, replaced_by: null };
  const later = '2026-06-02T12:00:00.000Z';
  it.each([
    ['active', key, 'Active'],
    [
      'revoked',
      { ...key, active: false, revoked_at: '2026-01-01T00:00:00.000Z', expires_at: later },
      `Revoked at ${formatTime('2026-01-01T00:00:00.000Z')}`,
    ],
    ['expired', { ...key, active: false, expires_at: '2026-01-01T00:00:00.000Z' }, undefined],
    ['active', { ...key, expires_at: later }, 'Active'],
    [
      'rotated',
      { ...key, replaced_by: 'k2', expires_at: later },
      `Rotated — stops working at ${formatTime(later)}`,
    ],
  ])('says %s', (state, value, label) => {
    const status = keyStatusText(value, NOW);
    expect(status.state).toBe(state);
    if (label) expect(status.label).toBe(label);
  });
});

describe('formatTime and formatAgo', () => {
  it('show the fallback for no time', () => {
    expect(formatTime(null, 'Never')).toBe('Never');
    expect(formatAgo(null, 'Never')).toBe('Never');
  });

  it('say a use seconds ago the way the CLI does', () => {
    const now = Date.parse('2026-06-01T12:00:00.000Z');
    expect(formatAgo('2026-06-01T11:59:50.000Z', 'Never', now)).toBe('less than a minute ago');
  });
});

describe('describeEvent (the shared sentences)', () => {
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
    [
      'api_key_created',
      { name: 'CI', preview: 'op_live_…AbCd' },
      'Created API key “CI” (op_live_…AbCd)',
    ],
    ['api_key_revoked', { name: 'CI' }, 'Revoked API key “CI”'],
    [
      'member_role_changed',
      { email: 'b@x.io', from: 'viewer', to: 'admin' },
      'Changed b@x.io’s role from viewer to admin',
    ],
    ['member_login', {}, 'Signed in'],
    ['workflow_created', { name: 'Dub' }, 'Created workflow “Dub”'],
  ])('tells %s in words', (type, metadata, text) => {
    expect(describeEvent(event(type, metadata))).toBe(text);
  });
});
