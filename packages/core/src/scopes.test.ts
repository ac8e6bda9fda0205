import { describe, expect, it } from 'vitest';
import {
  isScope,
  missingScopes,
  normalizeScopes,
  ROLE_SCOPES,
  SCOPES,
  UNPROVIDED_OFFICIAL_SCOPES,
  unprovidedScopeReason,
} from './scopes.js';

describe('scope catalogue', () => {
  it('lists the seven scopes of SPEC §3 and the two of webhooks, sorted', () => {
    expect(SCOPES).toEqual([
      'api_keys:read',
      'api_keys:write',
      'templates:read',
      'uploads:write',
      'webhooks:read',
      'webhooks:write',
      'workflows:read',
      'workflows:write',
      'workspace:read',
    ]);
  });

  it.each([
    ['workflows:read', true],
    ['workflows:run', false],
    ['', false],
    ['toString', false],
  ])('says whether %j is a scope (%s)', (value, expected) => {
    expect(isScope(value)).toBe(expected);
  });

  it('explains each official OnePin scope this server does not provide, and only those', () => {
    for (const scope of Object.keys(UNPROVIDED_OFFICIAL_SCOPES)) {
      expect(isScope(scope)).toBe(false);
      expect(unprovidedScopeReason(scope)).toMatch(
        new RegExp(`^${scope} is the OnePin scope to .+, which this server does not provide$`),
      );
    }
    expect(unprovidedScopeReason('workflows:read')).toBeNull();
    expect(unprovidedScopeReason('toString')).toBeNull();
    expect(unprovidedScopeReason('admin')).toBeNull();
  });

  it('normalizes to a sorted list without duplicates', () => {
    expect(normalizeScopes(['workspace:read', 'templates:read', 'workspace:read'])).toEqual([
      'templates:read',
      'workspace:read',
    ]);
  });

  it('finds the scopes a caller lacks', () => {
    expect(missingScopes(['workflows:read'], ['workflows:read', 'workflows:write'])).toEqual([
      'workflows:write',
    ]);
  });

  it('gives viewers read access only', () => {
    expect(ROLE_SCOPES.viewer.every((scope) => scope.endsWith(':read'))).toBe(true);
    expect(ROLE_SCOPES.admin).toEqual(SCOPES);
  });

  it('gives the webhook scopes to admins only: endpoint URLs often carry secrets of their own', () => {
    for (const scope of ['webhooks:read', 'webhooks:write'] as const) {
      expect(ROLE_SCOPES.admin).toContain(scope);
      expect(ROLE_SCOPES.editor).not.toContain(scope);
      expect(ROLE_SCOPES.viewer).not.toContain(scope);
    }
  });
});
