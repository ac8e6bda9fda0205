/** What a key's status is computed from (the fields of `ApiKey` that matter). */
export interface KeyStatusInput {
  active: boolean;
  revoked_at: string | null;
  expires_at: string | null;
  /** The key that replaced this one in a rotation, if any. */
  replaced_by?: string | null | undefined;
}

/**
 * Where a key stands now. `rotated`: replaced by a new key; it keeps working until `endsAt`
 * (the grace period) or has stopped (`ended`). `revoked` and `expired` keys have ended;
 * `disabled` keys were switched off and may be switched on again.
 */
export type KeyState = 'active' | 'rotated' | 'disabled' | 'expired' | 'revoked';

export interface KeyStatus {
  state: KeyState;
  /** When the key stops or stopped working; `null` for keys that run on (or are disabled). */
  endsAt: string | null;
  /** Whether the key no longer works. */
  ended: boolean;
}

/** Computes a key's status at `nowMs`: revocation before expiry, rotation named as such. */
export function keyStatus(key: KeyStatusInput, nowMs: number): KeyStatus {
  const rotated = key.replaced_by !== null && key.replaced_by !== undefined;
  if (key.revoked_at !== null) {
    return { state: rotated ? 'rotated' : 'revoked', endsAt: key.revoked_at, ended: true };
  }
  if (key.expires_at !== null && Date.parse(key.expires_at) <= nowMs) {
    return { state: rotated ? 'rotated' : 'expired', endsAt: key.expires_at, ended: true };
  }
  if (!key.active) return { state: 'disabled', endsAt: null, ended: true };
  if (rotated) return { state: 'rotated', endsAt: key.expires_at, ended: false };
  return { state: 'active', endsAt: null, ended: false };
}

/**
 * The status in words: "Active", "Rotated — stops working in 23 hours", "Revoked 2 days
 * ago". `when` turns a time into the words after the verb: relative ("in 3 days", "2 hours
 * ago") where space is short, absolute ("at 2 Jun 2026, 14:00") where it is not.
 */
export function keyStatusLabel(status: KeyStatus, when: (iso: string) => string): string {
  const { state, endsAt, ended } = status;
  if (state === 'active') return 'Active';
  if (state === 'disabled') return 'Disabled';
  const at = endsAt === null ? '' : ` ${when(endsAt)}`;
  if (state === 'rotated') {
    if (endsAt === null) return 'Rotated';
    return `Rotated — ${ended ? 'stopped' : 'stops'} working${at}`;
  }
  return `${state === 'revoked' ? 'Revoked' : 'Expired'}${at}`;
}
