import type { ApiKeyRecord } from '../repositories/api-keys.js';

/** A stored key for repository tests: `hash-{id}`, live, `workflows:read`, in `ws-1`. */
export function apiKeyRecord(overrides: Partial<ApiKeyRecord> & { id: string }): ApiKeyRecord {
  return {
    workspace_id: 'ws-1',
    created_by: 'user-1',
    name: 'ci',
    key_type: 'live',
    key_hash: `hash-${overrides.id}`,
    key_prefix: 'op_live_',
    key_suffix: 'AbCd',
    scopes: ['workflows:read'],
    active: true,
    rate_limit_per_min: null,
    expires_at: null,
    revoked_at: null,
    last_used_at: null,
    rotated_from: null,
    replaced_by: null,
    lineage_id: overrides.id,
    created_via: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
