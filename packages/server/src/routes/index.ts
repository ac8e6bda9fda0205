import { registerListActivity } from './activity/list.js';
import { registerCreateApiKey } from './api-keys/create.js';
import { registerGetApiKey } from './api-keys/get.js';
import { registerListApiKeys } from './api-keys/list.js';
import { registerRevokeApiKey } from './api-keys/revoke.js';
import { registerRotateApiKey } from './api-keys/rotate.js';
import { registerUpdateApiKey } from './api-keys/update.js';
import { registerWhoami } from './auth/whoami.js';
import type { RouteRegistrar } from './protected-route.js';
import { registerCurrentWorkspace } from './workspaces/current.js';

/** Every `/api/v1` route. Each one is covered by the auth contract suite. */
export const API_ROUTES: readonly RouteRegistrar[] = [
  registerWhoami,
  registerListApiKeys,
  registerCreateApiKey,
  registerGetApiKey,
  registerUpdateApiKey,
  registerRevokeApiKey,
  registerRotateApiKey,
  registerCurrentWorkspace,
  registerListActivity,
];
