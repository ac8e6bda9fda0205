import type { ScopeCatalogue } from '@onepin/core';
import type { DatabaseHandle } from '@onepin/db';
import type { Clock } from '../deps.js';
import type { KeyInvalidation } from './key-invalidation.js';
import type { PasswordDeps } from './passwords.js';
import type { OutboxSignal } from './webhook-outbox.js';

/** What business rules need: the routes pass `AppDeps`, the admin commands build their own. */
export interface ServiceDeps extends PasswordDeps {
  database: DatabaseHandle;
  clock: Clock;
  newId: () => string;
  keyInvalidation: KeyInvalidation;
  /** The scopes keys may be given, and what a key's stored scopes grant. */
  scopes: ScopeCatalogue;
  /** Wakes this node's webhook delivery worker after a change that wrote events; absent where
   * no worker runs (the admin commands: a server's worker finds the events when it polls). */
  outbox?: OutboxSignal;
}

export const isoNow = (deps: Pick<ServiceDeps, 'clock'>): string =>
  new Date(deps.clock.now()).toISOString();

/**
 * The `updated_at` of a new write to a row last written at `previous`: now, or a millisecond
 * after `previous` when the clock has not moved past it, so successive writes to one row
 * strictly increase (optimistic concurrency compares them, lists sort by them).
 */
export function nextUpdatedAt(previous: string, nowMs: number): string {
  return new Date(Math.max(nowMs, Date.parse(previous) + 1)).toISOString();
}
