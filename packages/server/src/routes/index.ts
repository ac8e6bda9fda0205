import { registerListActivity } from './activity/list.js';
import { registerCreateApiKey } from './api-keys/create.js';
import { registerGetApiKey } from './api-keys/get.js';
import { registerListApiKeys } from './api-keys/list.js';
import { registerRevokeApiKey } from './api-keys/revoke.js';
import { registerRotateApiKey } from './api-keys/rotate.js';
import { registerUpdateApiKey } from './api-keys/update.js';
import { registerWhoami } from './auth/whoami.js';
import { registerInvitationAccept } from './invitations/accept.js';
import { registerInvitationCheck } from './invitations/check.js';
import { registerAddMember } from './members/add.js';
import { registerListMembers } from './members/list.js';
import { registerRemoveMember } from './members/remove.js';
import { registerUpdateMember } from './members/update.js';
import type { RouteRegistrar } from './protected-route.js';
import { registerCurrentSession } from './session/current.js';
import { registerSignIn } from './session/sign-in.js';
import { registerSignOut } from './session/sign-out.js';
import { registerSetupCheck } from './setup/check.js';
import { registerSetupComplete } from './setup/complete.js';
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
  registerSignIn,
  registerCurrentSession,
  registerSignOut,
  registerSetupCheck,
  registerSetupComplete,
  registerInvitationCheck,
  registerInvitationAccept,
  registerListMembers,
  registerAddMember,
  registerUpdateMember,
  registerRemoveMember,
];

/**
 * The `/api/v1` operations that need no credential: those that start a session, and the
 * one-time link checks before it. Everything else goes through authentication.
 */
export const PUBLIC_API_OPERATIONS: readonly string[] = [
  'POST /api/v1/session',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'GET /api/v1/invitation',
  'POST /api/v1/invitation',
];
