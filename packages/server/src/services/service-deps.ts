import type { DatabaseHandle } from '@onepin/db';
import type { Clock } from '../deps.js';
import type { KeyInvalidation } from './key-invalidation.js';

/** What business rules need: the routes pass `AppDeps`, the admin commands build their own. */
export interface ServiceDeps {
  database: DatabaseHandle;
  clock: Clock;
  newId: () => string;
  keyInvalidation: KeyInvalidation;
}

export const isoNow = (deps: Pick<ServiceDeps, 'clock'>): string =>
  new Date(deps.clock.now()).toISOString();
