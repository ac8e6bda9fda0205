import type { Tenant } from '@onepin/db';
import type { Principal } from './principal.js';

/** The data set a caller works in: its workspace, live or test as its key (SPEC §8). */
export function tenantOf(principal: Principal): Tenant {
  return { workspaceId: principal.workspaceId, environment: principal.environment };
}
